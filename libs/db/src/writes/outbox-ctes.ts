import { eventOfTemplate, NOTIFICATION_EVENTS } from '@candor/domain';
import type { NoticeTemplate } from './outbox';

/** One email per recipient, written by the change's own statement instead of a statement of its own. */
export interface NoticeSql {
  /** Names the CTEs (`<name>_to`, `<name>_held`, `<name>_sent`): unique within the statement. */
  name: string;
  tenantId: string;
  template: NoticeTemplate;
  /** A query answering Recipient's columns (`"userId"`, `email`, `"displayName"`, `locale`), one row per person. */
  recipients: string;
  /** The payload every recipient gets; each also gets `recipientName`. */
  payload: Record<string, unknown>;
  /** When the recipients' rows carry a jsonb column `extra` (one email per row, e.g. per offer), merged into that row's payload. */
  extra?: boolean;
}

/**
 * `notifyEach` as CTEs of one statement: the same outbox and held rows, with each reader's preference
 * applied as holdWhereWanted applies it (`off` drops the email unless the event must reach its reader,
 * `digest` holds it for the digest, an event that coalesces is held as a burst on its thread, anything
 * else enters the outbox at once). Values are bound through `bind`.
 */
export function noticeCtes(bind: (value: unknown) => string, n: NoticeSql): string {
  const event = eventOfTemplate(n.template);
  const spec: { required: boolean; coalesces?: boolean } | null = event ? NOTIFICATION_EVENTS[event] : null;
  const url = n.payload['url'];
  const threadKey = spec?.coalesces && typeof url === 'string' ? `${event}:${url}` : null;
  const coalesces = threadKey !== null;
  const tenant = bind(n.tenantId);
  const template = bind(n.template);
  const chosen = event ? `COALESCE(p.mode, 'immediate')` : `'immediate'`;
  const mode = spec?.required ? `CASE WHEN ${chosen} = 'off' THEN 'digest' ELSE ${chosen} END` : chosen;
  return `${n.name}_to AS (
      SELECT r."userId", r.email, r.locale, ${bind(n.payload)}::jsonb ${n.extra ? '|| r.extra' : ''} || jsonb_build_object('recipientName', r."displayName") AS payload,
             ${mode} AS mode
      FROM (${n.recipients}) r
      LEFT JOIN notification_preferences p ON p.tenant_id = ${tenant} AND p.user_id = r."userId" AND p.event = ${bind(event)}),
    ${n.name}_held AS (
      INSERT INTO held_notifications (tenant_id, id, user_id, kind, thread_key, template, recipient_email, locale, payload)
      SELECT ${tenant}::uuid, gen_random_uuid(), "userId", CASE WHEN mode = 'digest' THEN 'digest' ELSE 'burst' END,
             CASE WHEN mode = 'digest' THEN NULL ELSE ${bind(threadKey)} END, ${template}, email, locale, payload
      FROM ${n.name}_to WHERE mode = 'digest' OR (mode = 'immediate' AND ${coalesces ? 'TRUE' : 'FALSE'})),
    ${n.name}_sent AS (
      INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload)
      SELECT ${tenant}::uuid, gen_random_uuid(), ${template}, email, "userId", locale, payload
      FROM ${n.name}_to WHERE mode = 'immediate' AND ${coalesces ? 'FALSE' : 'TRUE'})`;
}
