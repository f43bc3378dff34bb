import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

function bindable(port: number): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as { port: number };
      server.close(() => done(bound));
    });
  });
}

/** Ports of BENCH_PORTS this run handed out already (a child may not listen on its port yet). */
const taken = new Set<number>();

/** A port nothing listens on: from `BENCH_PORTS` ("3430-3439") when set (machines shared by several runs), else any. */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env['BENCH_PORTS'] ?? '');
  if (!range) return bindable(0);
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (taken.has(port)) continue;
    const bound = await bindable(port).catch(() => null);
    if (bound === null) continue;
    taken.add(port);
    return port;
  }
  throw new Error(`no free port in BENCH_PORTS ${process.env['BENCH_PORTS']}`);
}
/** A Node child process with an IPC channel (for query counts and the SMTP sink's log). */
export class Child {
  private exited = false;
  readonly exit: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    this.exit = new Promise((done) =>
      proc.once('exit', (code) => {
        this.exited = true;
        done(code);
      }),
    );
  }

  get alive(): boolean {
    return !this.exited;
  }

  ask<T>(message: { type: string } & Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${this.name}: no answer to ${message.type}`)), timeoutMs);
      const listener = (reply: { type?: string }) => {
        if (reply?.type !== message.type) return;
        clearTimeout(timer);
        this.proc.off('message', listener);
        done(reply as T);
      };
      this.proc.on('message', listener);
      this.proc.send(message);
    });
  }

  /** Resident set and its high-water mark, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  }

  /** Resets the high-water mark to the current resident set (writing 5 to clear_refs). */
  resetPeak(): void {
    writeFileSync(`/proc/${this.proc.pid}/clear_refs`, '5');
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    this.proc.kill('SIGTERM');
    const killer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await this.exit;
    clearTimeout(killer);
  }
}

/**
 * Node flags for one child, from `BENCH_NODE_FLAGS_<NAME>` (e.g. `BENCH_NODE_FLAGS_API="--cpu-prof --cpu-prof-dir=/tmp/prof"`
 * to profile the API through a run). Space-separated; none by default.
 */
function nodeFlags(name: string): string[] {
  const flags = process.env[`BENCH_NODE_FLAGS_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
  return flags ? flags.split(/\s+/).filter(Boolean) : [];
}

/** Children still running, stopped with the bench however it ends (they are sessions of their own). */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((proc) => proc.kill('SIGKILL')));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

/**
 * Each server a session of its own (`detached`), as separate services are: where Linux groups processes by session
 * for scheduling (autogroup), every PostgreSQL backend and Redis is a group of its own, and the API, the worker,
 * the sink and the load generator shared one group against them, which no deployment does. In that one group, a
 * burst's work starved the API: its main thread runnable but not running, 200 connections waiting in its accept
 * queue, p95 in seconds.
 */
export function startChild(name: string, script: string, env: Record<string, string>, preload: string[] = []): Child {
  const proc = fork(resolve(ROOT, script), [], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    execArgv: [...nodeFlags(name), ...preload.flatMap((p) => ['-r', resolve(ROOT, p)])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
  running.add(proc);
  proc.once('exit', () => running.delete(proc));
  return new Child(name, proc);
}

/** A child's CPU priority, for its process and for its session's scheduling group (see startChild). */
export function lowerPriorityOf(child: Child, nice: number): void {
  setPriority(child.proc.pid!, nice);
  const group = `/proc/${child.proc.pid}/autogroup`;
  if (existsSync(group)) writeFileSync(group, String(nice));
}

/** Polls `url` until it answers 2xx (or the child dies, or the time is up). */
export async function waitForHttp(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.alive) throw new Error(`${child.name} exited before it answered ${url}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${child.name} did not answer ${url} within ${timeoutMs} ms`);
}
