import type { EntityManager } from 'typeorm';

/** Who an email goes to: a member of the tenant, in their own language. */
export interface Recipient {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
}

const RECIPIENT_COLUMNS = `u.id AS "userId", u.email, u.display_name AS "displayName", u.locale`;

/** Recipients (as Recipient's columns) among members with one of `roles` (a text[]), of one client account unless it is NULL. */
export const membersWithRolesSql = (tenantId: string, roles: string, clientAccountId: string) =>
  `SELECT ${RECIPIENT_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
   WHERE m.tenant_id = ${tenantId} AND m.role = ANY(${roles}::text[]) AND (${clientAccountId}::uuid IS NULL OR m.client_account_id = ${clientAccountId})`;

/** Recipients among members whose ids are in `userIds` (a uuid[]). */
export const membersByIdSql = (tenantId: string, userIds: string) =>
  `SELECT ${RECIPIENT_COLUMNS} FROM memberships m JOIN users u ON u.id = m.user_id
   WHERE m.tenant_id = ${tenantId} AND m.user_id = ANY(${userIds}::uuid[])`;

/** Members of the tenant with one of `roles`, limited to one client account when given. */
export function membersWithRoles(
  manager: EntityManager,
  tenantId: string,
  roles: readonly string[],
  clientAccountId: string | null = null,
): Promise<Recipient[]> {
  return manager.query(`${membersWithRolesSql('$1', '$2', '$3')} ORDER BY u.email`, [tenantId, roles, clientAccountId]);
}

/** Members of the tenant among `userIds` (anyone who left the tenant is skipped). */
export function membersById(manager: EntityManager, tenantId: string, userIds: readonly string[]): Promise<Recipient[]> {
  return manager.query(`${membersByIdSql('$1', '$2')} ORDER BY u.email`, [tenantId, [...new Set(userIds)]]);
}
