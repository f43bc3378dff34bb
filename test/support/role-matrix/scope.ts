import type { Role } from '@candor/domain';
import { ALLOW, DENY, type Row, type Target } from './matrix';

/**
 * What a row's objects hang off: an engagement (the default), a client account, or nothing the scope
 * narrows (the caller's own profile, lists, tenant-wide or role-only routes).
 */
export const UNSCOPED = new Set([
  'GET /me',
  'PATCH /me',
  'GET /tenant',
  'PATCH /tenant',
  'GET /client-accounts',
  'POST /client-accounts',
  'GET /invitations',
  'POST /invitations (manager)',
  'POST /invitations (assistant)',
  'GET /engagements',
  'GET /work-logs',
  'GET /timer',
  'POST /timer/stop',
  'GET /timesheet-weeks',
  'GET /disclosures',
  'GET /disclosure-analytics',
  'GET /lessons',
  'GET /follow-ups',
  'GET /members',
  'PATCH /members/:userId',
  'DELETE /members/:userId',
  'GET /me/sessions',
  'GET /me/notification-preferences',
  'PUT /me/notification-preferences/:event',
  'DELETE /me/sessions/:own',
  'POST /me/password',
  'POST /me/email',
  'GET /me/two-factor',
  'POST /me/two-factor/setup',
  'POST /me/two-factor/enable',
  'POST /me/two-factor/disable',
  'GET /audit-events',
  'GET /delivery-failures',
  'GET /delivery-failures/bounced',
  'POST /delivery-failures/:own/send-again',
  'GET /deliverables',
  'GET /brand',
  'PATCH /brand',
  'PUT /brand/logo',
  'GET /brand/logo',
  'DELETE /brand/logo',
  // Webhook endpoints are the workspace's, not an engagement's.
  'GET /webhook-endpoints',
  'POST /webhook-endpoints',
  'GET /webhook-endpoints/:own',
  'PATCH /webhook-endpoints/:own',
  'DELETE /webhook-endpoints/:own',
  'POST /webhook-endpoints/:own/rotate-secret',
  'GET /webhook-endpoints/:own/deliveries',
  'POST /webhook-endpoints/:own/test',
  'POST /webhook-events/:own/redeliver',
  'GET /api-keys',
  'POST /api-keys',
  'DELETE /api-keys/:own',
  'GET /invoices',
  'GET /domains',
  'POST /domains',
  'POST /domains/:own/verify',
  'DELETE /domains/:own',
]);
export const CLIENT_SCOPED = new Set([
  'GET /client-accounts/:own',
  'PATCH /client-accounts/:own',
  'POST /invitations (client_member of own account)',
  'POST /engagements',
  'GET /client-accounts/:own/service-record',
  'GET /client-accounts/:own/credits',
  'GET /invoices/:own',
  'GET /invoices/:own/document',
  'POST /invoices',
  'PATCH /invoices/:own/lines',
  'DELETE /invoices/:own',
  'POST /invoices/:own/issue',
  'POST /invoices/:own/send',
  'POST /invoices/:own/void',
  'POST /invoices/:own/payments',
  'POST /invoices/:own/credit-notes',
]);

/**
 * The scope rule (libs/domain scopeOf), restated for the test: owners and managers see the whole
 * tenant, an assistant the engagements assigned to them (and those engagements' client accounts),
 * client users their own account.
 */
export function inScope(role: Role, target: Target, object: 'engagement' | 'client'): boolean {
  if (role === 'owner' || role === 'manager') return true;
  if (role === 'assistant') return target === 'assigned' || (object === 'client' && target === 'unassigned');
  return target !== 'other_client';
}

export const NOT_FOUND = 'not found';
export type Outcome = typeof ALLOW | typeof DENY | typeof NOT_FOUND;

/** Allowed by the role and in scope: allowed; allowed by the role but out of scope: exactly 404; refused by the role: 403 or 404. */
export function expected(row: Row, role: Role, target: Target): Outcome {
  if (row.expect[role] === DENY) return DENY;
  if (UNSCOPED.has(row.name)) return ALLOW;
  return inScope(role, target, CLIENT_SCOPED.has(row.name) ? 'client' : 'engagement') ? ALLOW : NOT_FOUND;
}
