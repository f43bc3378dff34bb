import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { withTenant, writeOutboxRows, type OutgoingNotification } from '@candor/db';

/** How long the first comment on a thread waits for more before they go out as one email. */
export const BURST_WINDOW_MINUTES = 3;

interface DueGroup {
  tenant_id: string;
  user_id: string;
  kind: 'digest' | 'burst';
  thread_key: string | null;
}

interface HeldRow {
  template: string;
  recipient_email: string;
  locale: string;
  payload: Record<string, unknown>;
  tenant_name: string;
}

/**
 * Turns held emails into outbox rows: each reader's digest once it is 08:00 in their zone (one
 * email listing everything held since the last one; nothing held, no email), and each burst of
 * comments on one thread once its first comment is a few minutes old (one email for all of them).
 * The rows are deleted in the same transaction as the outbox insert, so a group goes out once even
 * when two workers sweep at the same moment (the second DELETE finds nothing).
 */
export class ReleaseHeldNotificationsProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webUrl: string,
    private readonly logger: Logger,
  ) {}

  async handle(now: Date = new Date()): Promise<{ digests: number; bursts: number }> {
    const due: DueGroup[] = await this.dataSource.query(`SELECT tenant_id, user_id, kind, thread_key FROM held_notifications_due($1, $2::interval, $3)`, [
      now,
      `${BURST_WINDOW_MINUTES} minutes`,
      500,
    ]);
    const sent = { digests: 0, bursts: 0 };
    for (const group of due) {
      if (await withTenant(this.dataSource, group.tenant_id, (manager) => this.release(manager, group, now))) {
        sent[group.kind === 'digest' ? 'digests' : 'bursts'] += 1;
      }
    }
    if (sent.digests || sent.bursts) this.logger.info(sent, 'released held notifications');
    return sent;
  }

  private async release(manager: EntityManager, group: DueGroup, now: Date): Promise<boolean> {
    const rows: HeldRow[] = await manager.query(
      `WITH zone AS (SELECT t.name, COALESCE(u.time_zone, t.time_zone) AS tz FROM tenants t, users u WHERE t.id = $1 AND u.id = $2),
       released AS (
         DELETE FROM held_notifications h USING zone
         WHERE h.tenant_id = $1 AND h.user_id = $2 AND h.kind = $3 AND h.thread_key IS NOT DISTINCT FROM $4
           AND (h.kind = 'burst' OR h.created_at < (date_trunc('day', $5::timestamptz AT TIME ZONE zone.tz) + interval '8 hours') AT TIME ZONE zone.tz)
         RETURNING h.template, h.recipient_email, h.locale, h.payload, h.created_at, h.id, zone.name AS tenant_name)
       SELECT * FROM released ORDER BY created_at, id`,
      [group.tenant_id, group.user_id, group.kind, group.thread_key, now],
    );
    if (!rows.length) return false;
    const latest = rows[rows.length - 1];
    const base = { tenantId: group.tenant_id, recipientUserId: group.user_id, recipientEmail: latest.recipient_email, locale: latest.locale };
    let email: OutgoingNotification;
    if (group.kind === 'burst' && rows.length === 1) {
      email = { ...base, template: latest.template, payload: latest.payload };
    } else if (group.kind === 'burst') {
      email = {
        ...base,
        template: 'disclosure_comments',
        payload: { ...latest.payload, count: rows.length, items: rows.map((r) => ({ actorName: r.payload['actorName'], comment: r.payload['comment'] })) },
      };
    } else {
      email = {
        ...base,
        template: 'daily_digest',
        payload: {
          tenantName: latest.tenant_name,
          recipientName: latest.payload['recipientName'],
          count: rows.length,
          url: new URL('/', this.webUrl).toString(),
          items: rows.map((r) => ({ template: r.template, payload: r.payload })),
        },
      };
    }
    await writeOutboxRows(manager, [email]);
    return true;
  }
}
