import { existsSync } from 'node:fs';
import { startInfra, type InfraProcess } from '../support/infra-process';

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
  const upstreamAddress = `${upstream.hostname}:${upstream.port || '5432'}`;
  const args = ['--port', String(port), '--users', users.join(','), '--upstream', upstreamAddress, '--pool', '40'];
  (globalThis as Record<string, unknown>)[KEY] = await startInfra('pgbouncer', args);
  return Object.assign(new URL(upstream.toString()), { port: String(port) });
}

export async function stopSuitePgbouncer(): Promise<void> {
  await ((globalThis as Record<string, unknown>)[KEY] as InfraProcess | undefined)?.stop();
}
