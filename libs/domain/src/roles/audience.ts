import { INVITABLE_ROLES, isClientRole, type InvitableRole, type Role } from './role';

/**
 * Role-level answers for screens, so nobody is shown a door that will not open. They agree with
 * defineAbilityFor (audience.spec.ts checks it); the API stays the judge of every request.
 */

/** Who the screens are for: the client portal, the assistant workspace, or the agency's management. */
export type Audience = 'client' | 'assistant' | 'agency';

export function audienceOf(role: Role): Audience {
  if (isClientRole(role)) return 'client';
  return role === 'assistant' ? 'assistant' : 'agency';
}

/** Roles this role may invite; empty when it may not invite at all. */
export function invitableRoles(role: Role): InvitableRole[] {
  switch (role) {
    case 'owner':
      return [...INVITABLE_ROLES];
    case 'manager':
      return INVITABLE_ROLES.filter((r) => r !== 'manager');
    case 'client_admin':
      return INVITABLE_ROLES.filter(isClientRole);
    default:
      return [];
  }
}

/** Owners and managers create and edit client accounts. */
export const canManageClients = (role: Role): boolean => audienceOf(role) === 'agency';

/** Staff see every client account; client users only their own. */
export const seesAllClients = (role: Role): boolean => audienceOf(role) !== 'client';

/** Staff log time (an assistant on the engagements they are assigned to); clients never do. */
export const logsTime = (role: Role): boolean => audienceOf(role) !== 'client';

/** Only the client's main contact approves a week or disputes its entries; colleagues follow along. */
export const decidesWeeks = (role: Role): boolean => role === 'client_admin';

/** Who hands out read-only links to a timesheet: the agency's managers and the client's main contact. */
export const sharesTimesheets = (role: Role): boolean => canManageClients(role) || role === 'client_admin';
