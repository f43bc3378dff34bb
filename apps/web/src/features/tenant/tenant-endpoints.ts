/** The workspace (tenant) and its settings. Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Tenant = Schemas['TenantResponse'];
export type TenantPatch = Schemas['UpdateTenantDto'];

export function getTenant() {
  return unwrap(api.GET('/api/v1/tenant'));
}

export function updateTenant(patch: TenantPatch) {
  return unwrap(api.PATCH('/api/v1/tenant', { body: patch }));
}
