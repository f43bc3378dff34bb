import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Role } from '@candor/domain';

export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

/** How dates read in sweep emails, the same in every locale: `2026-10-19 08:30 UTC`. */
export const formatUtc = (at: Date): string => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Members of the tenant with one of `roles`, limited to one client account when given. */
export function recipientsByRole(
  manager: EntityManager,
  tenantId: string,
  roles: Role[],
  clientAccountId: string | null = null,
): Promise<Recipient[]> {
  return manager.query(
    `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
     FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) AND ($3::uuid IS NULL OR m.client_account_id = $3)
     ORDER BY u.email`,
    [tenantId, roles, clientAccountId],
  );
}

/** One outbox row per recipient, in the caller's transaction: the emails leave only if the change commits. */
export async function addNotices(
  manager: EntityManager,
  tenantId: string,
  recipients: Recipient[],
  template: string,
  payload: Record<string, unknown>,
): Promise<void> {
  for (const r of recipients) {
    await manager.query(
      `INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, randomUUID(), template, r.email, r.userId, r.locale, { recipientName: r.displayName, ...payload }],
    );
  }
}

/** An audit event with no actor: the worker acted on its own. */
export async function auditSweep(
  manager: EntityManager,
  event: { tenantId: string; action: string; entityType: string; entityId: string; change: Record<string, unknown> },
): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, change)
     VALUES ($1, $2, NULL, $3, $4, $5, $6)`,
    [event.tenantId, randomUUID(), event.action, event.entityType, event.entityId, event.change],
  );
}
