#!/usr/bin/env node
// PgBouncer in transaction pooling mode in front of a PostgreSQL server, for the e2e suite and `npm run cluster`.
// Run as a program it starts pgbouncer in the foreground, prints `pgbouncer ready on <port>` once it accepts
// connections, and stops it on SIGTERM/SIGINT:
//   node scripts/cluster/pgbouncer.mjs --port 6432 --users candor_app:secret,postgres [--upstream 127.0.0.1:5432] [--pool 30]
// Debian's pgbouncer is installed when missing (apt-get, as root). It refuses to run as root, so it then runs as
// `nobody`, reading a configuration written to a fresh temporary folder.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const BINARY = '/usr/sbin/pgbouncer';

/** Installs a Debian package when its binary is missing; false when it cannot be had (not root, no apt). */
export function ensureDebianPackage(binary, pkg) {
  if (existsSync(binary)) return true;
  if (process.getuid?.() !== 0) return false;
  console.log(`Installing ${pkg} (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { stdio: 'ignore', env });
  return existsSync(binary);
}

/** Resolves once something accepts TCP connections on `port`, or rejects after `timeoutMs`. */
export async function waitForPort(port, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The configuration: every database of the upstream server under the same name, transaction pooling. Clients on
 * 127.0.0.1 are trusted for the listed users (`name` or `name:password`): pgbouncer logs in to the upstream with the
 * password of its auth file, so the upstream still checks it. `extra_float_digits` and
 * `options` are startup parameters node-postgres may send that pgbouncer cannot pool on: ignored.
 */
function config({ port, upstream, pool, dir }) {
  const [host, upstreamPort] = upstream.split(':');
  return [
    '[databases]',
    `* = host=${host} port=${upstreamPort}`,
    '[pgbouncer]',
    'listen_addr = 127.0.0.1',
    `listen_port = ${port}`,
    'unix_socket_dir =',
    'auth_type = trust',
    `auth_file = ${join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 2000',
    `default_pool_size = ${pool}`,
    'server_reset_query =',
    'ignore_startup_parameters = extra_float_digits,options',
    `logfile = ${join(dir, 'pgbouncer.log')}`,
    `pidfile = ${join(dir, 'pgbouncer.pid')}`,
    '',
  ].join('\n');
}

/** Starts pgbouncer; resolves with its process once it listens. The caller stops it with `child.kill()`. */
export async function startPgbouncer({ port, users, upstream = '127.0.0.1:5432', pool = 30 }) {
  if (!ensureDebianPackage(BINARY, 'pgbouncer')) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const dir = mkdtempSync(join(tmpdir(), 'candor-pgbouncer-'));
  chmodSync(dir, 0o755);
  const entry = (user) => {
    const [name, password = ''] = user.split(':');
    return `"${name}" "${password.replace(/"/g, '""')}"\n`;
  };
  writeFileSync(join(dir, 'users.txt'), users.map(entry).join(''));
  chmodSync(join(dir, 'users.txt'), 0o600);
  writeFileSync(join(dir, 'pgbouncer.ini'), config({ port, upstream, pool, dir }));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) spawnSync('chown', ['-R', 'nobody', dir]);
  const child = spawn(BINARY, [...(asRoot ? ['-u', 'nobody'] : []), join(dir, 'pgbouncer.ini')], { stdio: 'ignore' });
  child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await waitForPort(port);
  return child;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      users: { type: 'string' },
      upstream: { type: 'string' },
      pool: { type: 'string' },
      'stop-with-stdin': { type: 'boolean' },
    },
  });
  const users = (values.users ?? 'postgres').split(',');
  const child = await startPgbouncer({
    port: Number(values.port ?? 6432),
    users,
    upstream: values.upstream,
    pool: Number(values.pool ?? 30),
  });
  console.log(`pgbouncer ready on ${values.port ?? 6432}`);
  const stop = () => child.kill('SIGINT');
  process.on('SIGTERM', stop).on('SIGINT', stop);
  // --stop-with-stdin: started by another program through a pipe (the e2e global setup): stop when that program goes, even by SIGKILL.
  if (values['stop-with-stdin']) process.stdin.on('end', stop).resume();
  child.on('exit', (code) => process.exit(code ?? 0));
}
