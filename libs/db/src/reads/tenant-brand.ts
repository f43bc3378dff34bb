import type { EntityManager } from 'typeorm';
import type { BrandFields } from '@candor/domain';

/** A tenant's brand row beside its name, with the logo's storage facts; every brand column null when none was set. */
export interface TenantBrandRow extends BrandFields {
  logoKey: string | null;
  logoContentType: string | null;
  logoSizeBytes: number | null;
  updatedAt: Date | null;
}

/**
 * Reads the brand of one tenant (the API's pages and reports, the worker's emails at send time).
 * Takes the tenant-scoped manager: row-level security shows only that tenant's row.
 */
export async function readTenantBrand(manager: EntityManager, tenantId: string): Promise<TenantBrandRow> {
  const [row]: TenantBrandRow[] = await manager.query(
    `SELECT t.id AS "tenantId", t.name AS "tenantName", b.display_name AS "displayName", b.primary_color AS "primaryColor",
       b.logo_key AS "logoKey", b.logo_content_type AS "logoContentType", b.logo_size_bytes AS "logoSizeBytes",
       b.logo_sha256 AS "logoSha256", b.sender_name AS "senderName", b.reply_to AS "replyTo", b.footer_text AS "footerText",
       b.updated_at AS "updatedAt"
     FROM tenants t LEFT JOIN tenant_brands b ON b.tenant_id = t.id WHERE t.id = $1`,
    [tenantId],
  );
  if (!row) throw new Error(`tenant ${tenantId} not visible`);
  return row;
}
