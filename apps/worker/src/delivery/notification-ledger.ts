import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { brandOf, Notification, tenantBrandColumns, withTenant, type TenantBrandRow } from '@candor/db';
import { Coalescer } from './coalescer';
import { persistently } from './persistently.util';

export interface NotificationKey {
  tenantId: string;
  notificationId: string;
}

/**
 * A row claimed for one attempt: the attempt is counted and the Message-ID fixed at the claim; the
 * reader's time zone (theirs, else the tenant's) and the tenant's brand are read in the same
 * transaction, so an email queued before a brand change goes out wearing the brand of its sending.
 */
export type ClaimedNotification = Notification & {
  messageId: string;
  firstAttemptAt: Date;
  readerTimeZone: string;
  brand: TenantBrandRow;
};

/**
 * The notification row's delivery states, each change in a short transaction (shared by the rows of one tenant
 * claimed or recorded together). No lock is held
 * across the SMTP conversation: the claim takes a lease, and the outcome is written afterwards,
 * retried on a fresh pooled connection if the one under it was dropped.
 */
export class NotificationLedger {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: Logger,
    private readonly leaseMs: number,
    private readonly messageIdDomain: string,
    /** How long a claim or a "sent" write waits for others of its tenant to share its transaction. */
    batchWaitMs = 0,
  ) {
    this.claims = new Coalescer((tenantId, ids) => this.claimMany(tenantId, ids), 50, batchWaitMs);
    this.sends = new Coalescer<ClaimedNotification, void>(
      async (tenantId, rows) => {
        await this.recordSentMany(tenantId, rows);
        return rows.map(() => undefined);
      },
      50,
      batchWaitMs,
    );
  }

  private readonly claims: Coalescer<string, ClaimedNotification | null>;
  private readonly sends: Coalescer<ClaimedNotification, void>;

  /**
   * Takes the row for one attempt if it is due: pending or queued (and not waiting for a retry), or
   * sending under a lease that ran out. Null when another attempt holds it or it is finished.
   */
  claim(key: NotificationKey): Promise<ClaimedNotification | null> {
    return this.claims.run(key.tenantId, key.notificationId);
  }

  /** After the server's 250: written whatever happens to the connection, since a resend would double the email. */
  recordSent(row: ClaimedNotification): Promise<void> {
    return this.sends.run(row.tenantId, row);
  }

  /**
   * One statement claims every due row among `ids` and reads, beside each, its reader's time zone (theirs, else the
   * tenant's) and the tenant's brand: one round trip for a batch, however many readers it has.
   */
  private claimMany(tenantId: string, ids: string[]): Promise<(ClaimedNotification | null)[]> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const raws = await manager.query<Record<string, unknown>[]>(
        `WITH claimed AS (
           UPDATE notifications SET status = 'sending', lease_until = now() + make_interval(secs => $3::double precision / 1000),
             attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, claim_now.t),
             message_id = CASE WHEN attempts = 0 OR message_id IS NULL THEN '<' || id || '.' || resends || '@' || $4 || '>' ELSE message_id END
           FROM (SELECT now() AS t) claim_now
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND sent_at IS NULL
             AND ((status IN ('pending', 'queued') AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
               OR (status = 'sending' AND lease_until < now()))
           RETURNING notifications.*)
         SELECT claimed.*, COALESCE(u.time_zone, t.time_zone, 'UTC') AS "claim.readerTimeZone", ${tenantBrandColumns('brand.')}
         FROM claimed LEFT JOIN tenants t ON t.id = claimed.tenant_id LEFT JOIN tenant_brands b ON b.tenant_id = t.id
           LEFT JOIN users u ON u.id = claimed.recipient_user_id`,
        [tenantId, ids, this.leaseMs, this.messageIdDomain],
      );
      const [first] = raws;
      if (!first) return ids.map(() => null);
      const brand = brandOf(first, 'brand.');
      // As readTenantBrand did: the claim rolls back, and the job is tried again, rather than send without a brand.
      if (brand.tenantId === null) throw new Error(`tenant ${tenantId} not visible`);
      const columns = manager.connection.getMetadata(Notification).columns;
      const claimed = new Map<string, ClaimedNotification>();
      for (const raw of raws) {
        // The raw row as the entity: each column's value under its property name.
        const row = new Notification();
        for (const column of columns) column.setEntityValue(row, raw[column.databaseName]);
        claimed.set(row.id, Object.assign(row, { readerTimeZone: raw['claim.readerTimeZone'] as string, brand }) as ClaimedNotification);
      }
      // A row asked for twice (a duplicate job) is claimed once: only the first asker gets it.
      return ids.map((id) => {
        const row = claimed.get(id) ?? null;
        claimed.delete(id);
        return row;
      });
    });
  }

  private recordSentMany(tenantId: string, rows: ClaimedNotification[]): Promise<void> {
    const context = { notificationIds: rows.map((r) => r.id) };
    return persistently(this.logger, this.leaseMs, context, 'sent', () =>
      withTenant(this.dataSource, tenantId, (manager) =>
        manager.query(
          `UPDATE notifications SET status = 'sent', sent_at = now(), lease_until = NULL, next_attempt_at = NULL,
             failure_kind = NULL, last_error = NULL
           WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND sent_at IS NULL`,
          [tenantId, context.notificationIds],
        ),
      ),
    );
  }

  /** A temporary failure waits until `retryAt`; null `retryAt` (window spent) or a permanent failure ends the row `failed`. */
  recordFailure(row: ClaimedNotification, kind: 'temporary' | 'permanent', reason: string, retryAt: Date | null): Promise<void> {
    const final = kind === 'permanent' || retryAt === null;
    return this.persistently(row, final ? 'failed' : 'retry', () =>
      withTenant(this.dataSource, row.tenantId, (manager) =>
        manager.query(
          `UPDATE notifications SET status = $4, next_attempt_at = $5, failure_kind = $6, last_error = $7,
             lease_until = NULL, queued_at = NULL
           WHERE tenant_id = $1 AND id = $2 AND sent_at IS NULL AND status = 'sending' AND attempts = $3`,
          [row.tenantId, row.id, row.attempts, final ? 'failed' : 'pending', final ? null : retryAt, kind, reason.slice(0, 1000)],
        ),
      ),
    );
  }

  /**
   * The queue gave up on a job (attempts spent, stalled, unrecoverable) before an attempt could claim
   * the row: the row says why and is due again at once. A row some attempt holds is left to it.
   */
  async recordJobFailure(key: NotificationKey, reason: string): Promise<void> {
    await withTenant(this.dataSource, key.tenantId, (manager) =>
      manager.query(
        `UPDATE notifications SET status = 'pending', queued_at = NULL, last_error = $3
         WHERE tenant_id = $1 AND id = $2 AND sent_at IS NULL AND status = 'queued'`,
        [key.tenantId, key.notificationId, reason.slice(0, 1000)],
      ),
    );
  }

  /** Retries a write on a fresh connection until it lands or the lease would have run out. */
  private persistently(row: ClaimedNotification, what: string, write: () => Promise<unknown>): Promise<void> {
    return persistently(this.logger, this.leaseMs, { notificationId: row.id }, what, write);
  }
}
