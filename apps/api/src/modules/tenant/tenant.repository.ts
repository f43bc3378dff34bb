import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Tenant } from '@candor/db';
import { tenantSettings, type TenantSettings } from '@candor/domain';
import type { TenantFacts } from '../../common/client-view';

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
    await manager.update(Tenant, { id: tenantId }, patch);
  }

  async facts(manager: EntityManager, tenantId: string): Promise<TenantFacts> {
    const [row]: { name: string; settings: Record<string, unknown> }[] = await manager.query(
      `SELECT name, settings FROM tenants WHERE id = $1`,
      [tenantId],
    );
    return { name: row.name, teamName: `${row.name} team`, settings: tenantSettings(row.settings) };
  }

  async settings(manager: EntityManager, tenantId: string): Promise<TenantSettings> {
    return (await this.facts(manager, tenantId)).settings;
  }
}
