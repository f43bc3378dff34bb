import type { EntityManager } from 'typeorm';

/** Who an email goes to: a member of the tenant, in their own language. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

const RECIPIENT_COLUMNS = `u.id AS "userId", u.email, u.display_name AS "displayName", u.locale`;

/** Members of the tenant with one of `roles`, limited to one client account when given. */
export function membersWithRoles(
  manager: EntityManager,
  tenantId: string,
  roles: readonly string[],
  clientAccountId: string | null = null,
): Promise<Recipient[]> {
  return manager.query(
    `SELECT ${RECIPIENT_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) AND ($3::uuid IS NULL OR m.client_account_id = $3)
     ORDER BY u.email`,
    [tenantId, roles, clientAccountId],
  );
}

/** Members of the tenant among `userIds` (anyone who left the tenant is skipped). */
export function membersById(manager: EntityManager, tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
  return manager.query(
    `SELECT ${RECIPIENT_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.tenant_id = $1 AND m.user_id = ANY($2::uuid[]) ORDER BY u.email`,
    [tenantId, [...new Set(userIds)]],
  );
}

/** The zone a reader's dates are shown in: their own, else the tenant's (an invitee has only the tenant's). */
export async function readerTimeZone(manager: EntityManager, tenantId: string, userId: string | null): Promise<string> {
  const [row]: { timeZone: string | null }[] = await manager.query(
    `SELECT COALESCE(u.time_zone, t.time_zone) AS "timeZone" FROM tenants t LEFT JOIN users u ON u.id = $2 WHERE t.id = $1`,
    [tenantId, userId],
  );
  return row?.timeZone ?? 'UTC';
}
