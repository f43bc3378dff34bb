import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * Each agency's portal address (issue 17 B): besides `/a/<slug>` and `<slug>.<PORTAL_BASE_DOMAIN>`,
 * an optional custom domain, active only once its owner proved it with a DNS TXT record.
 *
 * - tenant_domains (tenant-owned, RLS): hostname lower-case ASCII (IDNA), unique within a tenant; across
 *   tenants only among ACTIVE rows (a pending claim proves nothing, so it must not block the real owner).
 *   That partial unique index is the one key not led by tenant_id: uniqueness across tenants is its point.
 * - portal_tenant(hostname, slug): the one read before sign-in that crosses tenants, as narrow as it can be:
 *   the tenant id and slug of an ACTIVE domain, or of a slug; nothing else.
 * - portal_tls_allowed(hostname): whether Caddy may ask for a certificate (an active custom domain).
 */
export class TenantDomains1765300000000 implements MigrationInterface {
  name = 'TenantDomains1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_domains (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      hostname text NOT NULL CHECK (hostname = lower(hostname) AND length(hostname) BETWEEN 4 AND 253),
      verification_token text NOT NULL CHECK (length(verification_token) BETWEEN 16 AND 100),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active')),
      verified_at timestamptz,
      last_checked_at timestamptz,
      last_error text CHECK (length(last_error) <= 500),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      UNIQUE (tenant_id, hostname),
      CHECK ((status = 'active') = (verified_at IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX tenant_domains_active_hostname_key ON tenant_domains (hostname) WHERE status = 'active'`);
    await q.query(`ALTER TABLE tenant_domains ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_domains FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON tenant_domains USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_domains TO candor_runtime`);

    await q.query(`CREATE FUNCTION portal_tenant(p_hostname text, p_slug text)
      RETURNS TABLE (tenant_id uuid, tenant_slug text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT d.tenant_id, t.slug FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id
          WHERE p_hostname IS NOT NULL AND d.hostname = p_hostname AND d.status = 'active'
        UNION ALL
        SELECT t.id, t.slug FROM tenants t WHERE p_slug IS NOT NULL AND t.slug = p_slug
        LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION portal_tenant(text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION portal_tenant(text, text) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION portal_tenant(text, text)`);
    await q.query(`DROP TABLE tenant_domains`);
  }
}
