/** A tenant's settings with their defaults; stored as jsonb, read through this function only. */
export interface TenantSettings {
  /** A running timer is stopped by the worker after this many hours. */
  timerLimitHours: number;
  /** A discovered error should be disclosed within this many hours. */
  disclosureDeadlineHours: number;
  /** Whether a manager must review a disclosure draft before it reaches the client. */
  requireDisclosureReview: boolean;
  /** Whether clients see the names of staff (otherwise "the team"). */
  showStaffNames: boolean;
  /** Whether owners, managers and assistants must sign in with a second factor (TOTP). */
  requireTwoFactorForStaff: boolean;
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  timerLimitHours: 10,
  disclosureDeadlineHours: 24,
  requireDisclosureReview: false,
  showStaffNames: false,
  requireTwoFactorForStaff: false,
};

export function tenantSettings(stored: Record<string, unknown> | null | undefined): TenantSettings {
  const s = stored ?? {};
  const int = (key: keyof TenantSettings) => (Number.isInteger(s[key]) ? (s[key] as number) : (DEFAULT_TENANT_SETTINGS[key] as number));
  const bool = (key: keyof TenantSettings) => (typeof s[key] === 'boolean' ? s[key] : (DEFAULT_TENANT_SETTINGS[key] as boolean));
  return {
    timerLimitHours: int('timerLimitHours'),
    disclosureDeadlineHours: int('disclosureDeadlineHours'),
    requireDisclosureReview: bool('requireDisclosureReview'),
    showStaffNames: bool('showStaffNames'),
    requireTwoFactorForStaff: bool('requireTwoFactorForStaff'),
  };
}
