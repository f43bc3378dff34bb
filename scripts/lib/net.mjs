// Small network probes shared by the service helpers. Dependency-free.
import net from 'node:net';
import { StartError } from './log.mjs';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** True if we could bind host:port ourselves, i.e. nothing else is listening there. */
export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails early with a readable message instead of a child's EADDRINUSE stack trace. */
export async function assertPortFree(port, host, what, hint) {
  if (!(await isPortFree(port, host))) {
    throw new StartError(`Port ${port} is already in use, but ${what} needs it.${hint ? ` ${hint}` : ''}`);
  }
}

/** True if GET url answers 200 within 2s. */
export async function httpOk(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    return false;
  }
}

/**
 * Polls check() until it returns true or timeoutMs passes. giveUp() lets the
 * caller stop waiting early (e.g. the process we wait for has already died).
 */
export async function waitUntil(check, { timeoutMs, intervalMs = 500, giveUp = () => false }) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (giveUp()) return false;
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return false;
}
