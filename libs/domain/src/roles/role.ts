/** Every role a membership can hold. Staff roles belong to the VA business, client roles to one client account. */
export const ROLES = ['owner', 'manager', 'assistant', 'client_admin', 'client_member'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ['owner', 'manager', 'assistant'] as const satisfies readonly Role[];
export const CLIENT_ROLES = ['client_admin', 'client_member'] as const satisfies readonly Role[];

/** Roles that can be granted through an invitation (an owner only comes from sign-up). */
export const INVITABLE_ROLES = ['manager', 'assistant', 'client_admin', 'client_member'] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** True for client_admin and client_member: such a user always belongs to exactly one client account. */
export function isClientRole(role: Role): role is (typeof CLIENT_ROLES)[number] {
  return (CLIENT_ROLES as readonly Role[]).includes(role);
}
