import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

/**
 * The agency's brand (issue 17): what the portal, the printable reports, the share-link pages and the
 * emails wear. One row per tenant at most; no row (or a null column) means Candor's default. The logo's
 * bytes live in the upload storage (disk or S3) under `<tenant>/<32 hex>`, like deliverable files; the
 * row keeps its key, type, size and SHA-256, which also names its public, cacheable URL.
 */
export class TenantBrands1765200000000 implements MigrationInterface {
  name = 'TenantBrands1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_brands (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      display_name text CHECK (length(display_name) BETWEEN 1 AND 100),
      primary_color text CHECK (primary_color ~ '^#[0-9a-f]{6}$'),
      logo_key text CHECK (logo_key ~ '^[0-9a-f-]{36}/[0-9a-f]{32}$'),
      logo_content_type text CHECK (logo_content_type IN ('image/png', 'image/jpeg', 'image/webp')),
      logo_size_bytes int CHECK (logo_size_bytes > 0),
      logo_sha256 text CHECK (logo_sha256 ~ '^[0-9a-f]{64}$'),
      sender_name text CHECK (length(sender_name) BETWEEN 1 AND 100),
      reply_to text CHECK (length(reply_to) BETWEEN 3 AND 254),
      footer_text text CHECK (length(footer_text) BETWEEN 1 AND 500),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id),
      CHECK ((logo_key IS NULL) = (logo_content_type IS NULL) AND (logo_key IS NULL) = (logo_size_bytes IS NULL)
        AND (logo_key IS NULL) = (logo_sha256 IS NULL)))`);
    await q.query(`ALTER TABLE tenant_brands ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_brands FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON tenant_brands USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenant_brands TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_brands`);
  }
}
