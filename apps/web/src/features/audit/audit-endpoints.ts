/** The audit log. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type AuditEvent = Schemas['AuditEventResponse'];
export type AuditFilter = NonNullable<paths['/api/v1/audit-events']['get']['parameters']['query']>;

export function listAuditEvents(query: AuditFilter = {}) {
  return unwrap(api.GET('/api/v1/audit-events', { params: { query } }));
}
