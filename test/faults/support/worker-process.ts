import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
export const WORKER_MAIN = join(ROOT, 'apps', 'worker', 'dist', 'main.js');
const LOG_DIR = join(ROOT, 'test-output', 'faults');

/**
 * The built worker (apps/worker/dist) as a child process, as it runs in production; its log goes to
 * test-output/faults/<name>.log. Started means it logged "worker started".
 */
export class WorkerProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {}

  get pid(): number {
    return this.child.pid!;
  }

  static async start(name: string, env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
    mkdirSync(LOG_DIR, { recursive: true });
    const log = createWriteStream(join(LOG_DIR, `${name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stderr!.pipe(log, { end: false });
    const started = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${name} did not start within ${timeoutMs} ms`)), timeoutMs);
      let buffered = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        buffered = (buffered + chunk.toString('utf8')).slice(-4096);
        if (buffered.includes('"msg":"worker started"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`worker ${name} exited before it started (see test-output/faults/${name}.log)`));
      });
    });
    await started;
    return new WorkerProcess(child, exited);
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
