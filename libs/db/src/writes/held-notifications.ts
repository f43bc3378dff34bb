import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { eventOfTemplate, modeAllowed, NOTIFICATION_EVENTS, type DeliveryMode } from '@candor/domain';
import type { OutgoingNotification } from './outbox';

/**
 * Applies each reader's choice before an email enters the outbox: `off` drops it (never for an
 * event that must reach its reader), `digest` holds it for the 08:00 digest, and a comment that
 * would go out at once is held for a few minutes so a burst on one thread becomes one email.
 * Returns the notifications to send now. Runs in the caller's transaction, like the outbox write.
 */
export async function holdWhereWanted(manager: EntityManager, notifications: OutgoingNotification[]): Promise<OutgoingNotification[]> {
  const chooser = notifications.filter((n) => n.recipientUserId && eventOfTemplate(n.template));
  if (!chooser.length) return notifications;
  const tenantId = chooser[0].tenantId;
  const rows: { userId: string; event: string; mode: DeliveryMode }[] = await manager.query(
    `SELECT user_id AS "userId", event, mode FROM notification_preferences
     WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND event = ANY($3::text[])`,
    [tenantId, [...new Set(chooser.map((n) => n.recipientUserId))], [...new Set(chooser.map((n) => eventOfTemplate(n.template)))]],
  );
  const modes = new Map(rows.map((r) => [`${r.userId}:${r.event}`, r.mode]));
  const now: OutgoingNotification[] = [];
  const held: { n: OutgoingNotification; kind: 'digest' | 'burst'; threadKey: string | null }[] = [];
  for (const n of notifications) {
    const event = eventOfTemplate(n.template);
    if (!event || !n.recipientUserId || n.tenantId !== tenantId) {
      now.push(n);
      continue;
    }
    const chosen = modes.get(`${n.recipientUserId}:${event}`) ?? 'immediate';
    const mode = modeAllowed(event, chosen) ? chosen : 'digest';
    if (mode === 'off') continue;
    if (mode === 'digest') held.push({ n, kind: 'digest', threadKey: null });
    else if ('coalesces' in NOTIFICATION_EVENTS[event] && typeof n.payload['url'] === 'string')
      held.push({ n, kind: 'burst', threadKey: `${event}:${n.payload['url']}` });
    else now.push(n);
  }
  if (held.length) {
    const params: unknown[] = [];
    const values = held.map(({ n, kind, threadKey }) => {
      const at = params.push(
        n.tenantId,
        randomUUID(),
        n.recipientUserId,
        kind,
        threadKey,
        n.template,
        n.recipientEmail,
        n.locale,
        n.payload,
      );
      return `(${Array.from({ length: 9 }, (_, i) => `$${at - 8 + i}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO held_notifications (tenant_id, id, user_id, kind, thread_key, template, recipient_email, locale, payload) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return now;
}
