// `npm run cluster` (scripts/start.mjs --apis N --workers M): the product scaled out on this machine. PgBouncer in
// transaction pooling mode in front of the database, N API replicas and M workers on it and one Redis, haproxy on
// API_PORT in front of the replicas (health-checked, drained on SIGTERM). Dependency-free apart from Debian's
// haproxy and pgbouncer, installed by the scripts in scripts/cluster when missing.
import { startHaproxy } from '../cluster/haproxy.mjs';
import { startPgbouncer } from '../cluster/pgbouncer.mjs';
import { StartError } from './log.mjs';
import { isPortFree } from './net.mjs';

/** `--apis 3 --workers 2` from the command line; null when neither is given (plain `npm start`). */
export function scaleFromArgs(argv) {
  const value = (name) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? null : Number(argv[i + 1]);
  };
  const apis = value('apis');
  const workers = value('workers');
  if (apis === null && workers === null) return null;
  for (const [name, n] of [
    ['apis', apis],
    ['workers', workers],
  ]) {
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > 16)) throw new StartError(`--${name} must be a whole number from 1 to 16`);
  }
  return { apis: apis ?? 2, workers: workers ?? 1 };
}

/**
 * Starts PgBouncer and haproxy and answers, per replica, the environment each API and worker runs with. The
 * replicas listen on API_PORT + 1...N; haproxy takes API_PORT, so the web and every client use it unchanged.
 */
export async function startScaleOut(env, scale) {
  const apiPort = Number(env.API_PORT);
  const bouncerPort = Number(env.PGBOUNCER_PORT || 6432);
  const replicaPorts = Array.from({ length: scale.apis }, (_, i) => apiPort + 1 + i);
  for (const port of [bouncerPort, ...replicaPorts]) {
    if (!(await isPortFree(port, '127.0.0.1'))) throw new StartError(`Port ${port} is already in use (cluster mode needs it).`);
  }
  const database = new URL(env.DATABASE_URL);
  const user = `${decodeURIComponent(database.username)}:${decodeURIComponent(database.password)}`;
  const pgbouncer = await startPgbouncer({ port: bouncerPort, users: [user], upstream: `${database.hostname}:${database.port || 5432}` });
  const pooledUrl = Object.assign(new URL(env.DATABASE_URL), { hostname: '127.0.0.1', port: String(bouncerPort) }).toString();
  // Debian's PgBouncer (1.18) in transaction mode keeps no named prepared statement across transactions.
  const shared = { ...env, DATABASE_URL: pooledUrl, DATABASE_PREPARED_STATEMENTS: 'false' };
  const apis = replicaPorts.map((port) => ({
    ...shared,
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    TRUST_PROXY: '127.0.0.1',
    SHUTDOWN_DRAIN_MS: env.SHUTDOWN_DRAIN_MS || '1000',
  }));
  const workers = Array.from({ length: scale.workers }, () => shared);
  return {
    apis,
    workers,
    pooledUrl,
    /** haproxy starts once the replicas answer, so its first checks find them up. */
    startBalancer: () => startHaproxy({ port: apiPort, backends: replicaPorts.map((port) => `127.0.0.1:${port}`) }),
    pgbouncer,
  };
}
