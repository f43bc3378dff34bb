import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withOwner } from '../../support/owner-db';
import { readTestEnv } from '../../setup/test-env';
import type { FaultSink } from './fault-sink';

export const FIGURES_FILE = process.env['CANDOR_FAULT_FIGURES'] ?? join(__dirname, '..', '..', '..', 'test-output', 'fault-figures.jsonl');

/** The worker's settings in every fault test: short leases, timeouts and backoff, so faults heal in seconds. */
export function workerEnv(overrides: Record<string, string>): Record<string, string> {
  const env = readTestEnv();
  return {
    DATABASE_URL: env.appUrl,
    REDIS_URL: env.redisUrl,
    DATA_ENCRYPTION_KEY: 'fault-secret-that-is-long-enough-0123456789',
    QUEUE_PREFIX: `candor-faults-${process.pid}-${randomUUID().slice(0, 8)}`,
    RELAY_INTERVAL_MS: '100',
    EMAIL_CONCURRENCY: '20',
    SMTP_TIMEOUT_MS: '2000',
    SEND_LEASE_MS: '6000',
    QUEUED_RECLAIM_MS: '5000',
    RETRY_BASE_DELAY_MS: '500',
    RETRY_MAX_DELAY_MS: '4000',
    RETRY_WINDOW_MS: '600000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'info',
    ...overrides,
  };
}

export interface Seeded {
  tenantId: string;
  emails: string[];
}

/** A tenant of its own and `count` notification rows, as the API's outbox writes them. */
export async function seedTenant(tag: string): Promise<string> {
  const tenantId = randomUUID();
  await withOwner((client) =>
    client.query(`INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)`, [
      tenantId,
      `Faults ${tag}`,
      `faults-${tag}-${tenantId.slice(0, 8)}`,
    ]),
  );
  return tenantId;
}

export async function addNotifications(tenantId: string, emails: string[]): Promise<void> {
  await withOwner((client) =>
    client.query(
      `INSERT INTO notifications (tenant_id, id, template, recipient_email, locale, payload)
       SELECT $1, gen_random_uuid(), 'week_approved', e, 'en', jsonb_build_object('name', 'Sam', 'url', 'http://candor.test/weeks')
       FROM unnest($2::text[]) AS e`,
      [tenantId, emails],
    ),
  );
}

export interface RowState {
  recipient_email: string;
  status: string;
  attempts: number;
  message_id: string | null;
  failure_kind: string | null;
  last_error: string | null;
}

export function rowsOf(tenantId: string): Promise<RowState[]> {
  return withOwner(async (client) => {
    const { rows } = await client.query<RowState>(
      `SELECT recipient_email, status, attempts, message_id, failure_kind, last_error FROM notifications WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows;
  });
}

/** How many rows have been sent (the test's clock for "mid-stream"). */
export async function sentCount(tenantId: string): Promise<number> {
  return (await rowsOf(tenantId)).filter((r) => r.status === 'sent').length;
}

export async function waitForSent(tenantId: string, atLeast: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await sentCount(tenantId)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`fewer than ${atLeast} notifications sent within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until every row is sent or failed; returns the seconds it took from `since`. */
export async function waitUntilSettled(
  tenantId: string,
  since: number,
  timeoutMs = 90_000,
  among: (email: string) => boolean = () => true,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = (await rowsOf(tenantId)).filter((r) => among(r.recipient_email) && r.status !== 'sent' && r.status !== 'failed');
    if (!open.length) return (Date.now() - since) / 1000;
    if (Date.now() > deadline) {
      const byStatus = open.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
      throw new Error(`${open.length} notification(s) still open after ${timeoutMs} ms: ${JSON.stringify(byStatus)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Lost: a row meant to be sent that is not `sent`, or whose Message-ID never reached the sink.
 * Doubled: extra copies of a Message-ID at the sink.
 */
export function tally(
  rows: RowState[],
  sink: FaultSink,
  shouldFail: (email: string) => boolean = () => false,
): { lost: number; doubled: number } {
  const copies = sink.copies();
  const lost = rows.filter((r) => !shouldFail(r.recipient_email) && (r.status !== 'sent' || !copies.has(r.message_id ?? ''))).length;
  let doubled = 0;
  for (const n of copies.values()) doubled += n - 1;
  return { lost, doubled };
}

export interface Figures {
  fault: string;
  inFlight: number;
  lost: number;
  doubled: number;
  secondsToDrain: number;
  note?: string;
}

/** One line of the table `npm run test:faults` prints at the end (and the test log shows now). */
export function report(figures: Figures): void {
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify(figures)}\n`);
  console.log(
    `fault: ${figures.fault} | in flight ${figures.inFlight} | lost ${figures.lost} | doubled ${figures.doubled} | drained in ${figures.secondsToDrain.toFixed(1)} s${figures.note ? ` | ${figures.note}` : ''}`,
  );
}

export const recipients = (tag: string, count: number, start = 0) =>
  Array.from({ length: count }, (_, i) => `${tag}-${start + i}@faults.candor.test`);
