import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { readerActor, waitingFor, writeOutboxRows, type OutgoingNotification, type PortalAddressConfig } from '@candor/db';
import type { DigestPayload, TemplateName, WaitingLine } from '@candor/email-templates';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';

/** How long the first comment on a thread waits for more before they go out as one email. */
export const BURST_WINDOW_MINUTES = 3;

interface DueGroup {
  tenant_id: string;
  user_id: string;
  kind: 'digest' | 'burst';
  thread_key: string | null;
}

interface HeldRow {
  template: TemplateName;
  recipient_email: string;
  locale: string;
  payload: Record<string, unknown>;
}

interface Reader {
  email: string;
  locale: string;
  displayName: string;
  tenantName: string;
}

/**
 * Turns held emails into outbox rows, and writes each reader's daily digest.
 *
 * A burst of comments on one thread goes out once its first comment is a few minutes old (one
 * email for all of them). A digest goes out at 08:00 in the reader's zone to everyone with a held
 * email from before then and to every digest reader (a member with at least one event on
 * `digest`, chosen before that 08:00): what happened (the held emails) and what waits for them
 * (`waitingFor`, within their scope). Nothing happened and nothing waits: no email.
 * Held rows are deleted and the reader's day is marked (`memberships.last_digest_on`) in the same
 * transaction as the outbox insert, so a group goes out once even when two workers sweep at once.
 */
export class ReleaseHeldNotificationsProcessor extends TenantSweep<DueGroup, 'digests' | 'bursts'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['digests', 'bursts'], 'released held notifications');
  }

  protected async candidates(now: Date): Promise<DueGroup[]> {
    const held: DueGroup[] = await this.dataSource.query(
      `SELECT tenant_id, user_id, kind, thread_key FROM held_notifications_due($1, $2::interval, $3)`,
      [now, `${BURST_WINDOW_MINUTES} minutes`, SWEEP_BATCH],
    );
    const readers: DueGroup[] = await this.dataSource.query(
      `SELECT tenant_id, user_id, 'digest' AS kind, NULL AS thread_key FROM digest_readers_due($1, $2)`,
      [now, SWEEP_BATCH],
    );
    const digests = new Set(held.filter((g) => g.kind === 'digest').map((g) => `${g.tenant_id}:${g.user_id}`));
    return [...held, ...readers.filter((r) => !digests.has(`${r.tenant_id}:${r.user_id}`))];
  }

  protected async act(manager: EntityManager, group: DueGroup, now: Date): Promise<'digests' | 'bursts' | null> {
    if (group.kind === 'burst') return (await this.releaseBurst(manager, group)) ? 'bursts' : null;
    return (await this.writeDigest(manager, group, now)) ? 'digests' : null;
  }

  private async releaseBurst(manager: EntityManager, group: DueGroup): Promise<boolean> {
    const rows: HeldRow[] = await manager.query(
      `WITH released AS (
         DELETE FROM held_notifications
         WHERE tenant_id = $1 AND user_id = $2 AND kind = 'burst' AND thread_key = $3
         RETURNING template, recipient_email, locale, payload, created_at, id)
       SELECT * FROM released ORDER BY created_at, id`,
      [group.tenant_id, group.user_id, group.thread_key],
    );
    const latest = rows[rows.length - 1];
    if (!latest) return false;
    const base = {
      tenantId: group.tenant_id,
      recipientUserId: group.user_id,
      recipientEmail: latest.recipient_email,
      locale: latest.locale,
    };
    const email: OutgoingNotification =
      rows.length === 1
        ? { ...base, template: latest.template, payload: latest.payload }
        : {
            ...base,
            template: 'disclosure_comments',
            payload: {
              ...latest.payload,
              count: rows.length,
              items: rows.map((r) => ({ actorName: r.payload['actorName'], comment: r.payload['comment'] })),
            },
          };
    await writeOutboxRows(manager, [email]);
    return true;
  }

  private async writeDigest(manager: EntityManager, group: DueGroup, now: Date): Promise<boolean> {
    const { tenant_id: tenantId, user_id: userId } = group;
    // Marks the reader's local day first: the row lock makes a second worker wait, then find it marked.
    const [reader]: Reader[] = await manager.query(
      `WITH marked AS (
         UPDATE memberships m SET last_digest_on = ($3::timestamptz AT TIME ZONE COALESCE(u.time_zone, t.time_zone))::date
         FROM users u, tenants t
         WHERE m.tenant_id = $1 AND m.user_id = $2 AND u.id = m.user_id AND t.id = m.tenant_id
           AND m.last_digest_on IS DISTINCT FROM ($3::timestamptz AT TIME ZONE COALESCE(u.time_zone, t.time_zone))::date
         RETURNING u.email, u.locale, u.display_name, t.name)
       SELECT email, locale, display_name AS "displayName", name AS "tenantName" FROM marked`,
      [tenantId, userId, now],
    );
    // Held emails from before today's 08:00 go out even to a reader already marked today (two sweeps
    // racing across midnight), so nothing held is ever lost; what waits is listed once a day.
    const held: HeldRow[] = await manager.query(
      `WITH zone AS (SELECT COALESCE(u.time_zone, t.time_zone) AS tz FROM tenants t, users u WHERE t.id = $1 AND u.id = $2),
       released AS (
         DELETE FROM held_notifications h USING zone
         WHERE h.tenant_id = $1 AND h.user_id = $2 AND h.kind = 'digest'
           AND h.created_at < (date_trunc('day', $3::timestamptz AT TIME ZONE zone.tz) + interval '8 hours') AT TIME ZONE zone.tz
         RETURNING h.template, h.recipient_email, h.locale, h.payload, h.created_at, h.id)
       SELECT * FROM released ORDER BY created_at, id`,
      [tenantId, userId, now],
    );
    const actor = reader ? await readerActor(manager, tenantId, userId) : null;
    const waiting = actor ? await waitingFor(manager, actor, now) : [];
    if (!held.length && !waiting.length) return false;
    const latest = held[held.length - 1];
    const to = reader ?? (await this.recipient(manager, tenantId, userId));
    if (!to) return false;
    const payload: DigestPayload = {
      tenantName: to.tenantName,
      recipientName: to.displayName,
      count: held.length,
      url: this.url('/'),
      items: held.map((r) => ({ template: r.template, payload: r.payload })),
      waitingCount: waiting.reduce((sum, item) => sum + item.count, 0),
      waiting: waiting.map(({ path, ...line }): WaitingLine => ({ ...line, url: this.url(path) })),
    };
    const email: OutgoingNotification<'daily_digest'> = {
      tenantId,
      recipientUserId: userId,
      recipientEmail: latest?.recipient_email ?? to.email,
      locale: latest?.locale ?? to.locale,
      template: 'daily_digest',
      payload,
    };
    await writeOutboxRows(manager, [email]);
    return true;
  }

  /** The reader's address and language when their day was already marked. */
  private async recipient(manager: EntityManager, tenantId: string, userId: string): Promise<Reader | undefined> {
    const [row]: Reader[] = await manager.query(
      `SELECT u.email, u.locale, u.display_name AS "displayName", t.name AS "tenantName" FROM users u, tenants t WHERE u.id = $2 AND t.id = $1`,
      [tenantId, userId],
    );
    return row;
  }
}
