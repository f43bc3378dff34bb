import { isClientRole } from '../roles/role';
import type { Actor } from './actor';

/**
 * What an actor may see inside their tenant, decided once from the role:
 * - `tenant`: the whole tenant (owner, manager);
 * - `engagements`: the engagements an assistant is assigned to (and the client accounts they belong to);
 * - `client_account`: one client account (client_admin, client_member).
 * Repositories take it as a required argument, so no list or lookup can be written without it.
 */
export type Scope =
  | { readonly kind: 'tenant'; readonly tenantId: string }
  | {
      readonly kind: 'engagements';
      readonly tenantId: string;
      readonly engagementIds: readonly string[];
      readonly clientAccountIds: readonly string[];
    }
  | { readonly kind: 'client_account'; readonly tenantId: string; readonly clientAccountId: string };

/** The assistant's assignments, read by the caller (the domain does no I/O). */
export interface Assignments {
  engagementId: string;
  clientAccountId: string;
}

/** A scope that cannot be computed: the request must fail, never widen to the tenant. */
export class ScopeUnavailableError extends Error {
  override readonly name = 'ScopeUnavailableError';
}

/**
 * The one scope rule. `assignments` is required for an assistant (their engagements; an empty list is a
 * valid, empty scope) and ignored otherwise. Fails closed: a client role without a client account, an
 * assistant whose assignments were not read, or an unknown role throws.
 */
export function scopeOf(actor: Actor, assignments?: readonly Assignments[] | null): Scope {
  if (!actor.tenantId) throw new ScopeUnavailableError('No tenant for this actor');
  if (actor.role === 'owner' || actor.role === 'manager') return { kind: 'tenant', tenantId: actor.tenantId };
  if (isClientRole(actor.role)) {
    if (!actor.clientAccountId) throw new ScopeUnavailableError(`A ${actor.role} without a client account has no scope`);
    return { kind: 'client_account', tenantId: actor.tenantId, clientAccountId: actor.clientAccountId };
  }
  if (actor.role === 'assistant') {
    if (!assignments) throw new ScopeUnavailableError("The assistant's assignments were not read: no scope");
    return {
      kind: 'engagements',
      tenantId: actor.tenantId,
      engagementIds: [...new Set(assignments.map((a) => a.engagementId))],
      clientAccountIds: [...new Set(assignments.map((a) => a.clientAccountId))],
    };
  }
  throw new ScopeUnavailableError(`Unknown role ${String(actor.role)}: no scope`);
}

/** Whether the scope needs the assistant's assignments to be computed. */
export function scopeNeedsAssignments(actor: Actor): boolean {
  return actor.role === 'assistant';
}

/** True when a row of `engagementId` (of `clientAccountId`) lies inside the scope. */
export function engagementInScope(scope: Scope, row: { engagementId: string; clientAccountId: string }): boolean {
  switch (scope.kind) {
    case 'tenant':
      return true;
    case 'engagements':
      return scope.engagementIds.includes(row.engagementId);
    case 'client_account':
      return scope.clientAccountId === row.clientAccountId;
  }
}

/** True when the client account lies inside the scope (for an assistant: one of their engagements belongs to it). */
export function clientAccountInScope(scope: Scope, clientAccountId: string): boolean {
  switch (scope.kind) {
    case 'tenant':
      return true;
    case 'engagements':
      return scope.clientAccountIds.includes(clientAccountId);
    case 'client_account':
      return scope.clientAccountId === clientAccountId;
  }
}
