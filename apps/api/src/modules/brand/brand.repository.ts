import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { readTenantBrand, type TenantBrandRow } from '@candor/db';

/** The columns a brand change may write, by the name the service uses. */
const COLUMNS = {
  displayName: 'display_name',
  primaryColor: 'primary_color',
  senderName: 'sender_name',
  replyTo: 'reply_to',
  footerText: 'footer_text',
  logoKey: 'logo_key',
  logoContentType: 'logo_content_type',
  logoSizeBytes: 'logo_size_bytes',
  logoSha256: 'logo_sha256',
} as const;

export type BrandPatch = Partial<Record<keyof typeof COLUMNS, string | number | null>>;

/** The tenant's brand row: takes the tenant-scoped manager and the tenant of the caller's scope. */
@Injectable()
export class BrandRepository {
  /** The brand beside the tenant's name; every brand field null when none was set. */
  find(manager: EntityManager, tenantId: string): Promise<TenantBrandRow> {
    return readTenantBrand(manager, tenantId);
  }

  /** Writes the given fields (null clears one), creating the row on first use. */
  async save(manager: EntityManager, tenantId: string, patch: BrandPatch): Promise<void> {
    const keys = (Object.keys(patch) as (keyof typeof COLUMNS)[]).filter((k) => patch[k] !== undefined);
    if (!keys.length) return;
    const columns = keys.map((k) => COLUMNS[k]);
    await manager.query(
      `INSERT INTO tenant_brands (tenant_id, ${columns.join(', ')}) VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (tenant_id) DO UPDATE SET ${columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = EXCLUDED.updated_at`,
      [tenantId, ...keys.map((k) => patch[k])],
    );
  }
}
