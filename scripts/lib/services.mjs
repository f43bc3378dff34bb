// The backing services Candor needs locally (PostgreSQL, Redis, SMTP, secrets),
// in one place so scripts/start.mjs and a CI smoke test bring them up the same way.
//
//   import { startServices } from './scripts/lib/services.mjs';
//   const services = await startServices({ root });
//   // ... spawn api/worker with { ...process.env, ...services.env } ...
//   await services.stop();
import path from 'node:path';
import { resolveDatabase } from './postgres.mjs';
import { resolveRedis } from './redis.mjs';
import { resolveSmtp } from './mail.mjs';
import { appDefaults, resolveSecrets } from './secrets.mjs';

export { EMBEDDED_PG_PORT, ensureDatabase, redact, resolveDatabase, startEmbeddedPostgres } from './postgres.mjs';
export { SPAWNED_REDIS_PORT, pingRedis, resolveRedis, startRedisServer } from './redis.mjs';
export { resolveSmtp, startMailDev } from './mail.mjs';
export { appDefaults, resolveSecrets } from './secrets.mjs';
export { isPortFree, httpOk, waitUntil } from './net.mjs';
export { run, runOrFail, startService, stopService } from './proc.mjs';

/** Wraps a stop function so calling it twice (error path + signal) is harmless. */
export function once(fn) {
  let promise;
  return () => (promise ??= Promise.resolve().then(fn));
}

/**
 * Starts (or picks up from env) PostgreSQL, Redis and SMTP, and resolves secrets.
 * Returns { env, stop(), database, redis, smtp } where env holds only the
 * variables this adds; stop() stops what was started here, in reverse order.
 * If something fails half-way, what already started is stopped before the error is rethrown.
 * onStarted(name, stop) is called as each piece comes up, so a caller can stop
 * them on Ctrl-C even before this returns.
 */
export async function startServices({
  root = process.cwd(),
  env = process.env,
  pgDataDir = env.CANDOR_PG_DIR || path.join(root, '.data', 'postgres'),
  secretsFile = path.join(root, '.data', 'secrets.json'),
  onStarted = () => {},
  warn = console.warn,
} = {}) {
  const started = [];
  const track = (name, resolved) => {
    resolved.stop = once(resolved.stop);
    started.push(resolved);
    onStarted(name, resolved.stop);
    return resolved;
  };
  const stop = async () => {
    for (const s of [...started].reverse()) await s.stop();
  };

  try {
    const database = track('PostgreSQL', await resolveDatabase(env, { dataDir: pgDataDir }));
    const redis = track('Redis', await resolveRedis(env, { warn }));
    const smtp = track('SMTP', await resolveSmtp(env));
    const secrets = resolveSecrets(env, secretsFile);
    return {
      env: { ...appDefaults(env), ...database.env, ...redis.env, ...smtp.env, ...secrets.env },
      database,
      redis,
      smtp,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
