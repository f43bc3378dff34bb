import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Tenant } from '@candor/db';
import { tenantSettings, type TenantSettings } from '@candor/domain';
import type { TenantFacts } from '../../common/client-view';

/** Facts read in a transaction, by its manager: read once per request, dropped when the tenant row changes. */
const known = new WeakMap<EntityManager, { tenantId: string; facts: TenantFacts }>();

/** The facts of a tenant row's name and settings. */
export const tenantFactsOf = (row: { name: string; settings: Record<string, unknown> }): TenantFacts => ({
  name: row.name,
  teamName: `${row.name} team`,
  settings: tenantSettings(row.settings),
});

/** The tenant row: takes the tenant-scoped manager. */
@Injectable()
export class TenantRepository {
  get(manager: EntityManager, tenantId: string): Promise<Tenant> {
    return manager.findOneByOrFail(Tenant, { id: tenantId });
  }

  /** A new tenant, on the default settings. */
  async insert(manager: EntityManager, values: Omit<Tenant, 'createdAt' | 'settings'>): Promise<void> {
    await manager.insert(Tenant, { ...values, settings: {} });
  }

  async update(manager: EntityManager, tenantId: string, patch: QueryDeepPartialEntity<Tenant>): Promise<void> {
    known.delete(manager);
    await manager.update(Tenant, { id: tenantId }, patch);
  }

  /** The tenant's name and settings, read once per transaction (`manager`). */
  async facts(manager: EntityManager, tenantId: string): Promise<TenantFacts> {
    const cached = known.get(manager);
    if (cached?.tenantId === tenantId) return cached.facts;
    const [row]: { name: string; settings: Record<string, unknown> }[] = await manager.query(
      `SELECT name, settings FROM tenants WHERE id = $1`,
      [tenantId],
    );
    return this.remember(manager, tenantId, tenantFactsOf(row));
  }

  /** Keeps facts a statement that read more beside them found, for the rest of the transaction. */
  remember(manager: EntityManager, tenantId: string, facts: TenantFacts): TenantFacts {
    known.set(manager, { tenantId, facts });
    return facts;
  }

  async settings(manager: EntityManager, tenantId: string): Promise<TenantSettings> {
    return (await this.facts(manager, tenantId)).settings;
  }
}
