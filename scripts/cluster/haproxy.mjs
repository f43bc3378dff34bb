#!/usr/bin/env node
// HAProxy in front of the API replicas, for `npm run cluster` and the scale-out test. Run as a program it starts
// haproxy in the foreground, prints `haproxy ready on <port>` once it accepts connections, and stops it on
// SIGTERM/SIGINT (or, with --stop-with-stdin, when the program that started it goes):
//   node scripts/cluster/haproxy.mjs --port 8080 --backends 127.0.0.1:3101,127.0.0.1:3102 [--stats-port 8404]
// Debian's haproxy is installed when missing (apt-get, as root).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDebianPackage, waitForPort } from './pgbouncer.mjs';

const BINARY = '/usr/sbin/haproxy';

/**
 * Round robin over the replicas, each checked on GET /health every 300 ms: a replica that stops listening (SIGTERM
 * drains it: it finishes what it has and refuses new connections) or dies is out after one failed check, back
 * after two good ones. A request whose connection to a replica fails is sent again to another one (`retry-on
 * conn-failure` with `redispatch`): nothing reached the replica, so this is safe for a POST too. Requests a replica
 * had already received when it was SIGKILLed are not retried here (they may have been applied): the client decides.
 * `http-server-close`: no idle keep-alive connection to a replica that is draining.
 */
function config({ port, backends, statsPort }) {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 10s',
    '  option http-server-close',
    '  option redispatch 1',
    '  retries 3',
    '  retry-on conn-failure',
    'frontend api',
    `  bind 127.0.0.1:${port}`,
    '  option forwardfor',
    '  default_backend replicas',
    // Which replica answered: for logs, and for the scale-out test to see the load spread.
    '  http-response set-header X-Served-By %s',
    'backend replicas',
    '  balance roundrobin',
    '  option httpchk GET /health',
    '  http-check expect status 200',
    '  default-server inter 300ms fall 1 rise 2',
    ...backends.map((address, i) => `  server api${i + 1} ${address} check`),
    ...(statsPort ? ['frontend stats', `  bind 127.0.0.1:${statsPort}`, '  stats enable', '  stats uri /', '  stats refresh 2s'] : []),
    '',
  ].join('\n');
}

/** Starts haproxy; resolves with its process once it listens. The caller stops it with `child.kill()`. */
export async function startHaproxy({ port, backends, statsPort }) {
  if (!ensureDebianPackage(BINARY, 'haproxy')) throw new Error('haproxy is not installed (apt-get install haproxy)');
  const dir = mkdtempSync(join(tmpdir(), 'candor-haproxy-'));
  const file = join(dir, 'haproxy.cfg');
  writeFileSync(file, config({ port, backends, statsPort }));
  const child = spawn(BINARY, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  child.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  await waitForPort(port);
  return child;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      backends: { type: 'string' },
      'stats-port': { type: 'string' },
      'stop-with-stdin': { type: 'boolean' },
    },
  });
  const port = Number(values.port ?? 8080);
  const backends = (values.backends ?? '').split(',').filter(Boolean);
  const child = await startHaproxy({ port, backends, statsPort: values['stats-port'] ? Number(values['stats-port']) : undefined });
  console.log(`haproxy ready on ${port}`);
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop).on('SIGINT', stop);
  if (values['stop-with-stdin']) process.stdin.on('end', stop).resume();
  child.on('exit', (code) => process.exit(code ?? 0));
}
