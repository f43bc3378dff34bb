import type { TenantBrandRow } from '@candor/db';
import { effectiveBrand, isBranded } from '@candor/domain';
import type { BrandResponse, BrandSettingsResponse } from './dto/brand.response';

/** Any member (clients too): the brand they see. */
export function presentBrand(b: TenantBrandRow): BrandResponse {
  const e = effectiveBrand(b);
  return {
    name: e.name,
    primaryColor: e.primaryColor,
    onPrimary: e.onPrimary,
    logoUrl: e.logoPath,
    footerText: e.footerText,
    customized: isBranded(b),
  };
}

/** The owner: every stored setting too. */
export function presentBrandSettings(b: TenantBrandRow): BrandSettingsResponse {
  const seen = presentBrand(b);
  return {
    ...seen,
    displayName: b.displayName,
    storedColor: b.primaryColor,
    senderName: b.senderName,
    replyTo: b.replyTo,
    storedFooterText: b.footerText,
    logo:
      seen.logoUrl && b.logoContentType && b.logoSizeBytes !== null && b.logoSha256
        ? { url: seen.logoUrl, contentType: b.logoContentType, sizeBytes: b.logoSizeBytes, sha256: b.logoSha256 }
        : null,
    updatedAt: b.updatedAt,
  };
}
