import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const LOG_DIR = join(ROOT, 'test-output', 'processes');

/** A built program and how to tell it has started: a line it logs, or a probe that answers true. */
export interface Program {
  main: string;
  readyLog?: string;
  probe?: () => Promise<boolean>;
}

/** The worker (apps/worker/dist): started when it logs "worker started". */
export const WORKER: Program = { main: join(ROOT, 'apps', 'worker', 'dist', 'main.js'), readyLog: '"msg":"worker started"' };

/** The API (apps/api/dist) listening on `port`: started when its /health answers 200. */
export function apiProgram(port: number): Program {
  const probe = () =>
    fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.ok)
      .catch(() => false);
  return { main: join(ROOT, 'apps', 'api', 'dist', 'main.js'), probe };
}

/**
 * A built app (the worker by default) as a child process, as it runs in production; its log goes to
 * test-output/processes/<name>.log.
 */
export class AppProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(name: string, env: Record<string, string>, timeoutMs = 60_000, program: Program = WORKER): Promise<AppProcess> {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [program.main], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stderr!.pipe(log, { end: false });
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        buffered = (buffered + chunk.toString('utf8')).slice(-4096);
        if (program.readyLog && buffered.includes(program.readyLog)) {
          clearTimeout(timer);
          resolve();
        }
      });
      const poll = async (): Promise<void> => {
        if (!program.probe || child.exitCode !== null) return;
        if (await program.probe()) {
          clearTimeout(timer);
          resolve();
        } else setTimeout(() => void poll(), 100);
      };
      void poll();
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited before it started (see test-output/processes/${name}.log)`));
      });
    });
    await started;
    return new AppProcess(child, exited);
  }

  /** Sends `signal` and resolves with how the process ended. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        resolve({ code: this.child.exitCode, signal: this.child.signalCode });
      else this.child.once('exit', (code, sig) => resolve({ code, signal: sig }));
    });
    this.child.kill(signal);
    return ended;
  }

  /** Sends `signal` and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    await this.exited;
  }
}
