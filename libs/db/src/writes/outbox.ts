import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TemplateName, TemplatePayloads } from '@candor/email-templates';
import { holdWhereWanted } from './held-notifications';
import type { Recipient } from './recipients';

/** One email to write: a typed template name and that template's payload. */
export interface OutgoingNotification<N extends TemplateName = TemplateName> {
  tenantId: string;
  template: N;
  recipientEmail: string;
  recipientUserId?: string | null;
  locale: string;
  payload: TemplatePayloads[N];
}

/**
 * Writes notifications into the outbox in one multi-row INSERT inside the caller's transaction: the
 * email exists if and only if the change it announces committed. The worker's relay sends it.
 * A reader's preferences apply first (off, digest, a burst held): see holdWhereWanted.
 * Returns the new rows' ids.
 */
export async function insertNotifications(manager: EntityManager, wanted: OutgoingNotification[]): Promise<string[]> {
  return writeOutboxRows(manager, wanted.length ? await holdWhereWanted(manager, wanted) : wanted);
}

/** The outbox INSERT itself, with no preference applied: for emails already decided (a digest, a released burst). */
export async function writeOutboxRows(manager: EntityManager, notifications: OutgoingNotification[]): Promise<string[]> {
  if (!notifications.length) return [];
  const params: unknown[] = [];
  const ids: string[] = [];
  const values = notifications.map((n) => {
    const id = randomUUID();
    ids.push(id);
    const at = params.push(n.tenantId, id, n.template, n.recipientEmail, n.recipientUserId ?? null, n.locale, n.payload);
    return `(${[6, 5, 4, 3, 2, 1, 0].map((back) => `$${at - back}`).join(', ')})`;
  });
  await manager.query(
    `INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload) VALUES ${values.join(', ')}`,
    params,
  );
  return ids;
}

/** The templates a plain notice payload fits (all but the digest and the comment burst, which the worker builds). */
export type NoticeTemplate = Exclude<TemplateName, 'daily_digest' | 'disclosure_comments'>;

/** One email per recipient, each in the recipient's own language and greeted by name. */
export async function notifyEach(
  manager: EntityManager,
  tenantId: string,
  recipients: Recipient[],
  template: NoticeTemplate,
  payload: Record<string, unknown>,
): Promise<void> {
  await insertNotifications(
    manager,
    recipients.map((r) => ({
      tenantId,
      template,
      recipientEmail: r.email,
      recipientUserId: r.userId,
      locale: r.locale,
      payload: { ...payload, recipientName: r.displayName },
    })),
  );
}
