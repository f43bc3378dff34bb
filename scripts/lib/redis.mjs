// Redis for local runs: REDIS_URL, else one already on 6379, else a private
// redis-server we spawn (and stop again).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { StartError, color } from './log.mjs';
import { isPortFree, waitUntil } from './net.mjs';
import { startService } from './proc.mjs';

export const SPAWNED_REDIS_PORT = 6380;

/**
 * Sends a raw PING. A plain socket instead of ioredis: no reconnect loop and no
 * error events to silence. Resolves 'pong', 'noauth' (answers but wants a
 * password) or false (nothing usable there).
 */
export function pingRedis(port, host = '127.0.0.1', timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let reply = '';
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString('latin1');
      if (!reply.includes('\r\n')) return;
      if (reply.startsWith('+PONG')) done('pong');
      else if (/^-(NOAUTH|WRONGPASS)/.test(reply)) done('noauth');
      else done(false);
    });
  });
}

function findOnPath(command) {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // keep looking
      }
    }
  }
  return null;
}

/** Spawns `redis-server` on port (no persistence: queues are disposable locally) and waits for PONG. */
export async function startRedisServer(port = SPAWNED_REDIS_PORT) {
  const bin = findOnPath('redis-server');
  if (!bin) return null;
  if (!(await isPortFree(port))) {
    throw new StartError(`Port ${port} is in use by something that is not a usable Redis; set REDIS_URL or free the port.`);
  }
  const service = startService(
    'redis',
    bin,
    // --bind: the stock config would listen on every interface.
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { quiet: true, paint: color.red },
  );
  const up = await waitUntil(async () => (await pingRedis(port)) === 'pong', {
    timeoutMs: 10000,
    intervalMs: 200,
    giveUp: () => service.done,
  });
  if (!up) {
    await service.stop(1000);
    throw new StartError(`redis-server did not come up on port ${port}.\n--- redis-server output ---\n${service.tail()}`);
  }
  return service;
}

/** Picks Redis for this run; returns { env: { REDIS_URL }, description, stop, service? }. */
export async function resolveRedis(env, { port = SPAWNED_REDIS_PORT, warn = console.warn } = {}) {
  if (env.REDIS_URL) {
    return { env: { REDIS_URL: env.REDIS_URL }, description: 'external (REDIS_URL)', stop: async () => {} };
  }

  const standard = await pingRedis(6379);
  if (standard === 'pong') {
    return { env: { REDIS_URL: 'redis://127.0.0.1:6379' }, description: 'already running on 127.0.0.1:6379', stop: async () => {} };
  }
  if (standard === 'noauth') {
    warn('The Redis on 127.0.0.1:6379 wants a password; set REDIS_URL=redis://:<password>@127.0.0.1:6379 to use it.');
  }

  // A redis-server of ours that outlived a killed earlier run: just reuse it.
  if ((await pingRedis(port)) === 'pong') {
    return { env: { REDIS_URL: `redis://127.0.0.1:${port}` }, description: `already running on 127.0.0.1:${port}`, stop: async () => {} };
  }

  const service = await startRedisServer(port);
  if (!service) {
    throw new StartError('Candor needs Redis: install it (apt-get install redis-server / brew install redis) or set REDIS_URL');
  }
  return {
    env: { REDIS_URL: `redis://127.0.0.1:${port}` },
    description: `started redis-server on 127.0.0.1:${port}`,
    service,
    stop: () => service.stop(),
  };
}
