import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The tenant an address names. */
export interface PortalTenant {
  tenantId: string;
  slug: string;
}

/**
 * The reads before sign-in that cross tenants, through the SECURITY DEFINER function portal_tenant
 * (migration 1765300000000): only an ACTIVE custom domain or a slug, and only the tenant's id and slug.
 * They take the data source's manager; the tenant's name is then read inside its own transaction.
 */
@Injectable()
export class PortalRepository {
  async byHostname(manager: EntityManager, hostname: string): Promise<PortalTenant | null> {
    return this.lookup(manager, hostname, null);
  }

  async bySlug(manager: EntityManager, slug: string): Promise<PortalTenant | null> {
    return this.lookup(manager, null, slug);
  }

  async name(manager: EntityManager, tenantId: string): Promise<string> {
    const [row] = await manager.query<{ name: string }[]>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
    if (!row) throw new Error('The tenant of this address is gone');
    return row.name;
  }

  private async lookup(manager: EntityManager, hostname: string | null, slug: string | null): Promise<PortalTenant | null> {
    const [row] = await manager.query<{ tenant_id: string; tenant_slug: string }[]>(
      `SELECT tenant_id, tenant_slug FROM portal_tenant($1, $2)`,
      [hostname, slug],
    );
    return row ? { tenantId: row.tenant_id, slug: row.tenant_slug } : null;
  }
}
