import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `portal_tenant` (1765300000000-TenantDomains) in PL/pgSQL, as every cross-tenant function with parameters
 * is now: Citus refuses to plan a SQL-language function with parameters (see docker/scale-out.md). Same
 * signature, result, SECURITY DEFINER and search_path; `down` restores the SQL version.
 */
export class PlpgsqlPortalTenant1765910000000 implements MigrationInterface {
  name = 'PlpgsqlPortalTenant1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION portal_tenant(p_hostname text, p_slug text)
      RETURNS TABLE (tenant_id uuid, tenant_slug text)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        IF p_hostname IS NOT NULL THEN
          RETURN QUERY SELECT d.tenant_id, t.slug FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id
            WHERE d.hostname = p_hostname AND d.status = 'active' LIMIT 1;
          IF FOUND THEN RETURN; END IF;
        END IF;
        IF p_slug IS NOT NULL THEN
          RETURN QUERY SELECT t.id, t.slug FROM tenants t WHERE t.slug = p_slug LIMIT 1;
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION portal_tenant(p_hostname text, p_slug text)
      RETURNS TABLE (tenant_id uuid, tenant_slug text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.tenant_id, t.slug FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id
          WHERE p_hostname IS NOT NULL AND d.hostname = p_hostname AND d.status = 'active'
        UNION ALL
        SELECT t.id, t.slug FROM tenants t WHERE p_slug IS NOT NULL AND t.slug = p_slug
        LIMIT 1 $$`);
  }
}
