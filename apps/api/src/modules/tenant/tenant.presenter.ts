import type { Tenant } from '@candor/db';
import { tenantSettings } from '@candor/domain';
import type { TenantResponse } from './dto/tenant.response';

export const presentTenant = (t: Tenant): TenantResponse => ({
  id: t.id,
  name: t.name,
  slug: t.slug,
  defaultLocale: t.defaultLocale,
  timeZone: t.timeZone,
  settings: tenantSettings(t.settings),
});
