import type { Me } from './api';

/**
 * What each role may do in the UI, mirroring the API's permission rules (libs/domain ability) so
 * nobody is shown a door that will not open. The API stays the judge of every request.
 */
export type Role = Me['role'];
export type InvitableRole = Exclude<Role, 'owner'>;

/** Who the screens are for: the client portal, the assistant workspace, or the agency's management. */
export type Audience = 'client' | 'assistant' | 'agency';

export function audienceOf(role: Role): Audience {
  switch (role) {
    case 'owner':
    case 'manager':
      return 'agency';
    case 'assistant':
      return 'assistant';
    case 'client_admin':
    case 'client_member':
      return 'client';
  }
}

export function isClientRole(role: InvitableRole): role is 'client_admin' | 'client_member' {
  return role === 'client_admin' || role === 'client_member';
}

/** Roles this role may invite; empty when it may not invite at all. */
export function invitableRoles(role: Role): InvitableRole[] {
  switch (role) {
    case 'owner':
      return ['manager', 'assistant', 'client_admin', 'client_member'];
    case 'manager':
      return ['assistant', 'client_admin', 'client_member'];
    case 'client_admin':
      return ['client_admin', 'client_member'];
    default:
      return [];
  }
}

export function canManageClients(role: Role): boolean {
  return role === 'owner' || role === 'manager';
}

/** Staff see every client account; client users only their own. */
export function seesAllClients(role: Role): boolean {
  return audienceOf(role) !== 'client';
}

/** Staff log time (an assistant on the engagements they are assigned to); clients never do. */
export function logsTime(role: Role): boolean {
  return audienceOf(role) !== 'client';
}

/** Only the client's main contact approves a week or disputes its entries; colleagues follow along. */
export function decidesWeeks(role: Role): boolean {
  return role === 'client_admin';
}

/** Who hands out read-only links to a timesheet: the agency's managers and the client's main contact. */
export function sharesTimesheets(role: Role): boolean {
  return role === 'owner' || role === 'manager' || role === 'client_admin';
}
