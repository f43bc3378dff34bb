import { randomUUID } from 'node:crypto';
import { withOwner } from './owner-db';

export interface NotificationRow {
  tenant_id: string;
  id: string;
  status: string;
  attempts: number;
  resends: number;
  failure_kind: string | null;
  last_error: string | null;
}

/** The one notification sent to `email` (arranged behind the API, read as the database owner). */
export function notificationTo(email: string): Promise<NotificationRow> {
  return withOwner(async (client) => {
    const { rows } = await client.query(
      'SELECT tenant_id, id, status, attempts, resends, failure_kind, last_error FROM notifications WHERE recipient_email = $1',
      [email],
    );
    if (rows.length !== 1) throw new Error(`expected one notification to ${email}, found ${rows.length}`);
    return rows[0] as NotificationRow;
  });
}

/** Waits until the notification to `email` has `status`. */
export async function waitForNotificationStatus(email: string, status: string, timeoutMs = 60_000): Promise<NotificationRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await notificationTo(email).catch(() => null);
    if (row?.status === status) return row;
    if (Date.now() > deadline) throw new Error(`notification to ${email} is ${row?.status ?? 'missing'}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A notification row written straight into the outbox, e.g. one a worker gave up on. */
export async function insertNotification(tenantId: string, fields: Record<string, unknown> = {}): Promise<string> {
  const id = randomUUID();
  const row: Record<string, unknown> = {
    tenant_id: tenantId,
    id,
    template: 'invitation',
    recipient_email: `arranged.${id.slice(0, 8)}@e2e.candor.test`,
    locale: 'en',
    payload: { inviterName: 'Olivia Owner', tenantName: 'Arranged', roleLabel: 'an assistant' },
    status: 'failed',
    attempts: 5,
    last_error: '550 5.1.1 mailbox unavailable',
    failure_kind: 'permanent',
    ...fields,
  };
  const columns = Object.keys(row);
  await withOwner((client) =>
    client.query(
      `INSERT INTO notifications (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
      Object.values(row),
    ),
  );
  return id;
}

/** How many of a tenant's notifications are digests, and how many anything else (a released burst). */
function releasedCounts(tenantId: string): Promise<{ digests: number; other: number }> {
  return withOwner(async (client) => {
    const { rows } = await client.query<{ digests: number; other: number }>(
      `SELECT count(*) FILTER (WHERE template = 'daily_digest')::int AS digests, count(*) FILTER (WHERE template <> 'daily_digest')::int AS other
       FROM notifications WHERE tenant_id = $1`,
      [tenantId],
    );
    return rows[0] ?? { digests: 0, other: 0 };
  });
}

/**
 * Runs the held-notification sweep at `at` and says what it released for `tenantId` alone: the sweep
 * serves every tenant of the test database, and other specs leave their own held emails behind.
 */
export async function sweepHeldFor(
  sweep: { handle(at: Date): Promise<unknown> },
  tenantId: string,
  at: Date,
): Promise<{ digests: number; bursts: number }> {
  const before = await releasedCounts(tenantId);
  await sweep.handle(at);
  const after = await releasedCounts(tenantId);
  return { digests: after.digests - before.digests, bursts: after.other - before.other };
}
