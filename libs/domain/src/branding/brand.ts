import { BRAND_BUTTON_TEXT, DEFAULT_BRAND_COLOR } from './brand-colour';

/** The stored brand of a workspace, beside the workspace's own name; null fields were never set. */
export interface BrandFields {
  tenantId: string;
  tenantName: string;
  displayName: string | null;
  primaryColor: string | null;
  logoSha256: string | null;
  senderName: string | null;
  replyTo: string | null;
  footerText: string | null;
}

/** What a page, a report or an email wears: the stored brand with Candor's defaults filled in. */
export interface EffectiveBrand {
  name: string;
  primaryColor: string;
  /** Text on a brand-filled surface (buttons). */
  onPrimary: string;
  /** Same-origin path of the logo, or null (the name is shown instead). */
  logoPath: string | null;
  footerText: string | null;
  /** Null: emails keep the configured sender's name. */
  senderName: string | null;
  replyTo: string | null;
}

/** "Powered by Candor": shown once, small, in a footer. */
export const POWERED_BY = 'Powered by Candor';

/** The logo's public URL: stable while the logo is, unguessable without the tenant id and the bytes' SHA-256. */
export const brandLogoPath = (tenantId: string, sha256: string): string => `/api/v1/brand/logo/${tenantId}/${sha256}`;

/** Whether the workspace set anything of its brand; if not, everything wears Candor's own look. */
export const isBranded = (f: BrandFields): boolean =>
  [f.displayName, f.primaryColor, f.logoSha256, f.senderName, f.replyTo, f.footerText].some((v) => v !== null);

export function effectiveBrand(f: BrandFields): EffectiveBrand {
  return {
    name: f.displayName ?? f.tenantName,
    primaryColor: f.primaryColor ?? DEFAULT_BRAND_COLOR,
    onPrimary: BRAND_BUTTON_TEXT,
    logoPath: f.logoSha256 ? brandLogoPath(f.tenantId, f.logoSha256) : null,
    footerText: f.footerText,
    senderName: f.senderName,
    replyTo: f.replyTo,
  };
}
