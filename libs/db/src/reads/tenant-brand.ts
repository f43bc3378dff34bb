import type { EntityManager } from 'typeorm';
import type { BrandFields } from '@candor/domain';

/** A tenant's brand row beside its name, with the logo's storage facts; every brand column null when none was set. */
export interface TenantBrandRow extends BrandFields {
  logoKey: string | null;
  logoContentType: string | null;
  logoSizeBytes: number | null;
  updatedAt: Date | null;
}

/** A TenantBrandRow's fields, in the order its columns are read. */
const BRAND_FIELDS: { key: keyof TenantBrandRow; sql: string }[] = [
  { key: 'tenantId', sql: 't.id' },
  { key: 'tenantName', sql: 't.name' },
  { key: 'displayName', sql: 'b.display_name' },
  { key: 'primaryColor', sql: 'b.primary_color' },
  { key: 'logoKey', sql: 'b.logo_key' },
  { key: 'logoContentType', sql: 'b.logo_content_type' },
  { key: 'logoSizeBytes', sql: 'b.logo_size_bytes' },
  { key: 'logoSha256', sql: 'b.logo_sha256' },
  { key: 'senderName', sql: 'b.sender_name' },
  { key: 'replyTo', sql: 'b.reply_to' },
  { key: 'footerText', sql: 'b.footer_text' },
  { key: 'updatedAt', sql: 'b.updated_at' },
];

/**
 * The brand's columns over `tenants t LEFT JOIN tenant_brands b ON b.tenant_id = t.id`, each named `prefix` + its
 * field, for a statement that reads the brand beside other rows (brandOf reads it back).
 */
export const tenantBrandColumns = (prefix = '') => BRAND_FIELDS.map(({ key, sql }) => `${sql} AS "${prefix}${key}"`).join(', ');

/** The brand in a row read with tenantBrandColumns(`prefix`). */
export function brandOf(row: Record<string, unknown>, prefix = ''): TenantBrandRow {
  return Object.fromEntries(BRAND_FIELDS.map(({ key }) => [key, row[`${prefix}${key}`]])) as unknown as TenantBrandRow;
}

/**
 * Reads the brand of one tenant (the API's pages and reports, the worker's emails at send time).
 * Takes the tenant-scoped manager: row-level security shows only that tenant's row.
 */
export async function readTenantBrand(manager: EntityManager, tenantId: string): Promise<TenantBrandRow> {
  const [row]: TenantBrandRow[] = await manager.query(
    `SELECT ${tenantBrandColumns()} FROM tenants t LEFT JOIN tenant_brands b ON b.tenant_id = t.id WHERE t.id = $1`,
    [tenantId],
  );
  if (!row) throw new Error(`tenant ${tenantId} not visible`);
  return row;
}
