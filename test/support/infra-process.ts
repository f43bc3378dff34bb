import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A piece of infrastructure started by its script in scripts/cluster (the same one `npm run cluster` uses). */
export interface InfraProcess {
  child: ChildProcess;
  /** Ends the script's standard input: it stops what it started and exits. */
  stop(): Promise<void>;
}

/**
 * Runs `node scripts/cluster/<name>.mjs <args> --stop-with-stdin` and resolves once it prints `<name> ready`.
 * Should this process die, even by SIGKILL, the pipe closes and the script stops what it started.
 */
export async function startInfra(name: 'pgbouncer' | 'haproxy', args: string[]): Promise<InfraProcess> {
  const script = join(__dirname, '..', '..', 'scripts', 'cluster', `${name}.mjs`);
  const child = spawn(process.execPath, [script, ...args, '--stop-with-stdin'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`${name} ready`)) resolve();
    });
    void exited.then(() => reject(new Error(`${name} exited before it was ready`)));
  });
  return {
    child,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}
