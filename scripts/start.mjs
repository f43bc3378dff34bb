#!/usr/bin/env node
// `npm start`: install, build, start PostgreSQL/Redis/MailDev (or use the ones in
// env), migrate + seed demo data, then run api, worker and web until Ctrl-C.
//
// Only Node built-ins and scripts/lib are imported statically: on a fresh clone
// node_modules does not exist yet when this file loads.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { StartError, box, color, info, ok, step, warn } from './lib/log.mjs';
import { httpOk, isPortFree, waitUntil } from './lib/net.mjs';
import { runOrFail, startService, stopOneShots } from './lib/proc.mjs';
import { appDefaults, redact, resolveDatabase, resolveRedis, resolveSecrets, resolveSmtp, once } from './lib/services.mjs';
import { scaleFromArgs, startScaleOut } from './lib/scale-out.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);

const TOTAL = 8;
const WEB_PORT = 5173;
const DIST = {
  migrate: 'apps/api/dist/migrate.js',
  seed: 'libs/demo-data/dist/main.js',
  api: 'apps/api/dist/main.js',
  worker: 'apps/worker/dist/main.js',
  web: 'apps/web/dist/index.html',
};

// ---------------------------------------------------------------- shutdown --

const cleanups = []; // [name, stop] for backing services, stopped in reverse order
const apps = []; // long-running api/worker/web
let shuttingDown = false;

async function shutdown(code, reason) {
  if (shuttingDown) return; // npm forwards Ctrl-C too, so signals arrive twice
  shuttingDown = true;
  if (reason) console.log(`\n${code === 0 ? color.bold(reason) : color.red(color.bold(reason))}`);
  stopOneShots();
  // App first, so it does not log connection errors while its databases go away.
  await Promise.all(apps.map((s) => s.stop(5000)));
  for (const [name, stop] of cleanups.reverse()) {
    try {
      await stop();
    } catch (err) {
      warn(`Stopping ${name}: ${err.message}`);
    }
  }
  console.log(code === 0 ? 'Stopped.' : 'Stopped (with errors, see above).');
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => shutdown(0, `${signal} received: stopping everything...`));
}
process.on('uncaughtException', (err) => {
  console.error(err);
  shutdown(1, 'Unexpected error: stopping everything.');
});
process.on('unhandledRejection', (err) => {
  console.error(err);
  shutdown(1, 'Unexpected error: stopping everything.');
});

/** A backing service (postgres, redis-server) dying under a running app is fatal too. */
function watchProcess(name, child) {
  if (!child) return;
  child.once('exit', (code, signal) => {
    // A terminal Ctrl-C reaches postgres directly and may beat our own SIGINT
    // handler: give that a moment before calling the exit "unexpected".
    setTimeout(() => {
      if (!shuttingDown) shutdown(1, `${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
    }, 500);
  });
}

// ------------------------------------------------------------------- steps --

const mtime = (file) => fs.statSync(file).mtimeMs;

async function installDependencies() {
  step(1, TOTAL, 'Dependencies');
  const hidden = 'node_modules/.package-lock.json'; // written by npm at the end of every install
  let reason = null;
  if (!fs.existsSync('node_modules')) reason = 'node_modules is missing';
  else if (!fs.existsSync(hidden)) reason = 'node_modules looks incomplete';
  else if (fs.existsSync('package-lock.json') && mtime('package-lock.json') > mtime(hidden)) {
    reason = 'package-lock.json changed since the last install';
  }
  if (!reason) return ok('node_modules is up to date');
  info(`${reason}: running npm install`);
  await runOrFail('npm install', 'npm', ['install', '--no-audit', '--no-fund']);
}

async function build() {
  step(2, TOTAL, 'Build');
  await runOrFail('The build', 'npx', ['nx', 'run-many', '-t', 'build', '--output-style=stream']);
  const missing = Object.values(DIST).filter((file) => !fs.existsSync(file));
  if (missing.length) throw new StartError(`The build finished but these files are missing: ${missing.join(', ')}`);
  ok('api, worker and web built');
}

/** Fail before migrating if the app ports are taken: the health check could otherwise hit a stranger. */
async function checkAppPorts(defaults) {
  const apiPort = Number(defaults.API_PORT);
  const apiHost = defaults.API_HOST === '0.0.0.0' ? '0.0.0.0' : '127.0.0.1';
  if (!(await isPortFree(apiPort, apiHost))) {
    throw new StartError(`Port ${apiPort} (API) is already in use. Stop what uses it, or set API_PORT.`);
  }
  if (!(await isPortFree(WEB_PORT, '127.0.0.1'))) {
    throw new StartError(`Port ${WEB_PORT} (web) is already in use. Stop what uses it (another \`npm start\`?).`);
  }
}

async function startBackingServices() {
  const track = (name, resolved) => {
    resolved.stop = once(resolved.stop);
    cleanups.push([name, resolved.stop]);
    return resolved;
  };

  step(3, TOTAL, 'Database');
  if (!process.env.DATABASE_URL && process.env.DATABASE_MIGRATION_URL) {
    warn('DATABASE_MIGRATION_URL is ignored because DATABASE_URL is not set (using the embedded PostgreSQL).');
  }
  if (!process.env.DATABASE_URL) info('Starting the embedded PostgreSQL (the first run initialises it, ~10s)...');
  const database = track(
    'PostgreSQL',
    await resolveDatabase(process.env, { dataDir: process.env.CANDOR_PG_DIR || path.join(ROOT, '.data', 'postgres') }),
  );
  ok(`PostgreSQL: ${database.description}`);
  info(`DATABASE_URL=${redact(database.env.DATABASE_URL)}`);
  watchProcess('PostgreSQL', database.process);

  step(4, TOTAL, 'Redis');
  const redis = track('Redis', await resolveRedis(process.env, { warn }));
  ok(`Redis: ${redis.description} (${redact(redis.env.REDIS_URL)})`);
  if (redis.service) watchProcess('redis-server', redis.service.child);

  step(5, TOTAL, 'Email');
  const smtp = track('MailDev', await resolveSmtp(process.env));
  ok(`SMTP: ${smtp.description}`);

  step(6, TOTAL, 'Configuration');
  const secrets = resolveSecrets(process.env, path.join(ROOT, '.data', 'secrets.json'));
  ok(secrets.created ? 'Generated local secrets in .data/secrets.json' : 'Local secrets ready');
  const defaults = appDefaults(process.env);
  for (const [name, value] of Object.entries(defaults)) info(`${name}=${value}`);

  return {
    env: { ...process.env, ...defaults, ...database.env, ...redis.env, ...smtp.env, ...secrets.env },
    inboxUrl: smtp.inboxUrl,
  };
}

async function migrateAndSeed(env) {
  step(7, TOTAL, 'Migrations and demo data');
  await runOrFail('Migrations', process.execPath, [DIST.migrate], { env });
  ok('Database migrated');
  await runOrFail('Seeding demo data', process.execPath, [DIST.seed], { env });
  ok('Demo data seeded');
}

/** vite's own entry, run with node: signals reach it directly instead of via an npx wrapper. */
function viteCommand() {
  try {
    const require = createRequire(path.join(ROOT, 'apps/web/package.json'));
    const pkgFile = require.resolve('vite/package.json');
    const { bin } = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    return [process.execPath, [path.join(path.dirname(pkgFile), typeof bin === 'string' ? bin : bin.vite)]];
  } catch {
    return ['npx', ['vite']];
  }
}

/** The seeded demo people (libs/demo-data/src/tenant-and-people.ts), shown in the final box. */
const DEMO_LOGINS = [
  ['owner', 'owner@demo.candor.test'],
  ['manager', 'manager@demo.candor.test'],
  ['assistant', 'assistant@demo.candor.test'],
  ['client admin', 'client.admin@demo.candor.test'],
  ['client member', 'client.member@demo.candor.test'],
];
const DEMO_PASSWORD = 'candor-demo-2026';

/**
 * Turns the api's and worker's JSON log lines into readable ones (pino-pretty) in development; any
 * other line passes unchanged. Loaded after the install step, which brings pino-pretty.
 */
function prettyLogs(env) {
  if (env.NODE_ENV !== 'development') return (line) => line;
  try {
    const require = createRequire(path.join(ROOT, 'package.json'));
    const { prettyFactory } = require('pino-pretty');
    const pretty = prettyFactory({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime,reqId',
    });
    return (line) => (line.startsWith('{') ? pretty(line).trimEnd() : line);
  } catch {
    return (line) => line;
  }
}

/**
 * `npm run cluster`: PgBouncer, the API replicas and workers (scripts/lib/scale-out.mjs); haproxy starts once the
 * replicas answer. Plain `npm start`: one api and one worker.
 */
async function appSpecs(env, scale) {
  const format = prettyLogs(env);
  if (!scale) {
    return {
      specs: [
        ['api', process.execPath, [DIST.api], { env, paint: color.blue, format }],
        ['worker', process.execPath, [DIST.worker], { env, paint: color.magenta, format }],
      ],
      replicas: [],
      startBalancer: null,
    };
  }
  const cluster = await startScaleOut(env, scale);
  cleanups.push(['PgBouncer', once(async () => cluster.pgbouncer.kill('SIGTERM'))]);
  ok(`PgBouncer (transaction pooling): ${redact(cluster.pooledUrl)}`);
  return {
    specs: [
      ...cluster.apis.map((apiEnv, i) => [`api-${i + 1}`, process.execPath, [DIST.api], { env: apiEnv, paint: color.blue, format }]),
      ...cluster.workers.map((workerEnv, i) => [
        `worker-${i + 1}`,
        process.execPath,
        [DIST.worker],
        { env: workerEnv, paint: color.magenta, format },
      ]),
    ],
    replicas: cluster.apis.map((apiEnv) => apiEnv.API_PORT),
    startBalancer: async () => {
      const haproxy = await cluster.startBalancer();
      cleanups.push(['haproxy', once(async () => haproxy.kill('SIGTERM'))]);
      ok(`haproxy on ${env.API_PORT} in front of ${cluster.apis.length} API replicas`);
    },
  };
}

async function startApps(env, inboxUrl, scale) {
  step(8, TOTAL, scale ? `Starting ${scale.apis} api replicas, ${scale.workers} workers, haproxy and web` : 'Starting api, worker and web');
  const apiPort = env.API_PORT;
  const [viteBin, viteArgs] = viteCommand();
  const { specs: appsToStart, replicas, startBalancer } = await appSpecs(env, scale);
  const specs = [
    ...appsToStart,
    [
      'web',
      viteBin,
      [...viteArgs, 'preview', '--port', String(WEB_PORT), '--strictPort', '--host', '127.0.0.1'],
      { env: { ...env, API_URL: `http://127.0.0.1:${apiPort}` }, cwd: path.join(ROOT, 'apps/web'), paint: color.green },
    ],
  ];
  for (const [name, cmd, args, opts] of specs) {
    const service = startService(name, cmd, args, opts);
    apps.push(service);
    service.exited.then(({ code, signal, error }) => {
      if (shuttingDown) return;
      const how = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
      shutdown(1, `${name} exited unexpectedly (${how}).`);
    });
  }

  const stillStarting = () => shuttingDown;
  for (const port of replicas) {
    if (!(await waitUntil(() => httpOk(`http://127.0.0.1:${port}/health`), { timeoutMs: 60000, giveUp: stillStarting }))) {
      if (!shuttingDown) await shutdown(1, `The API replica on ${port} did not answer 200 on /health within 60s.`);
      return;
    }
  }
  if (startBalancer) await startBalancer();
  info(`Waiting for http://127.0.0.1:${apiPort}/health ...`);
  if (!(await waitUntil(() => httpOk(`http://127.0.0.1:${apiPort}/health`), { timeoutMs: 60000, giveUp: stillStarting }))) {
    if (!shuttingDown) await shutdown(1, `The API did not answer 200 on /health within 60s (see the [api] lines above).`);
    return;
  }
  if (!(await waitUntil(() => httpOk(`http://127.0.0.1:${WEB_PORT}/`), { timeoutMs: 30000, giveUp: stillStarting }))) {
    if (!shuttingDown) await shutdown(1, `The web server did not answer on port ${WEB_PORT} within 30s (see the [web] lines above).`);
    return;
  }

  const label = (text) => color.bold(text.padEnd(12));
  box([
    color.green(color.bold('Candor is running')),
    '',
    `${label('Web')}http://127.0.0.1:${WEB_PORT}`,
    `${label('API')}http://127.0.0.1:${apiPort}/api/v1`,
    `${label('API docs')}http://127.0.0.1:${apiPort}/api/docs`,
    ...(inboxUrl ? [`${label('Mail inbox')}${inboxUrl}`] : []),
    `${label('Sign up')}http://127.0.0.1:${WEB_PORT}/signup`,
    '',
    `Demo logins (password ${color.bold(DEMO_PASSWORD)}):`,
    ...DEMO_LOGINS.map(([role, email]) => `  ${role.padEnd(14)}${email}`),
    color.dim('Ctrl-C stops everything'),
  ]);
}

async function main() {
  const scale = scaleFromArgs(process.argv.slice(2));
  console.log(color.bold(scale ? 'Candor: starting the whole product, scaled out, locally' : 'Candor: starting the whole product locally'));
  await installDependencies();
  await build();
  await checkAppPorts(appDefaults(process.env));
  const { env, inboxUrl } = await startBackingServices();
  if (shuttingDown) return;
  await migrateAndSeed(env);
  if (shuttingDown) return;
  await startApps(env, inboxUrl, scale);
}

main().catch((err) => {
  if (shuttingDown) return; // a step failing because we are stopping is expected
  if (err instanceof StartError) console.error(`\n${color.red('✖')} ${err.message}`);
  else console.error(err);
  shutdown(1, 'Could not start Candor.');
});
