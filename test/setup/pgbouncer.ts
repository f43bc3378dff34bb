import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const KEY = '__pgbouncer';

/**
 * The suite's application connections go through PgBouncer in transaction pooling mode, as they would behind
 * `npm run cluster` or in production with a pooler, so every e2e test proves the app keeps no session state
 * outside a transaction. Used when Debian's pgbouncer is installed or installable (root); TEST_PGBOUNCER=0 turns it
 * off; otherwise the suite connects directly and says so.
 */
export async function startSuitePgbouncer(upstream: URL, users: string[], port: number): Promise<URL | null> {
  if (process.env['TEST_PGBOUNCER'] === '0') return null;
  if (!existsSync('/usr/sbin/pgbouncer') && process.getuid?.() !== 0) {
    console.log('pgbouncer is not installed: the e2e suite connects to PostgreSQL directly');
    return null;
  }
  const script = join(__dirname, '..', '..', 'scripts', 'cluster', 'pgbouncer.mjs');
  const args = [script, '--port', String(port), '--users', users.join(','), '--upstream', `${upstream.hostname}:${upstream.port || 5432}`];
  const child = spawn(process.execPath, [...args, '--pool', '40', '--stop-with-stdin'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('pgbouncer ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`pgbouncer exited with ${String(code)} before it was ready`)));
  });
  (globalThis as Record<string, unknown>)[KEY] = child;
  return Object.assign(new URL(upstream.toString()), { port: String(port) });
}

export function stopSuitePgbouncer(): void {
  const child = (globalThis as Record<string, unknown>)[KEY] as ChildProcess | undefined;
  child?.stdin?.end();
}
