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
  /** Invoice numbers read `<prefix>-<year>-<0001>`. */
  invoicePrefix: string;
  /** Credit note numbers read `<prefix>-<year>-<0001>`. */
  creditNotePrefix: string;
  /** An issued invoice falls due this many days after its issue date. */
  invoiceDueDays: number;
  /** Whether client_members see their account's invoices (a client_admin always does). */
  clientMembersSeeInvoices: boolean;
  /** The agency's postal address, tax number and billing email, printed on invoices (empty: left out). */
  invoiceAddress: string;
  invoiceTaxId: string;
  invoiceEmail: string;
}

/** What an invoice prefix may be: letters, digits and dashes, starting with a letter. */
export const INVOICE_PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9-]{0,11}$/;

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  timerLimitHours: 10,
  disclosureDeadlineHours: 24,
  requireDisclosureReview: false,
  showStaffNames: false,
  requireTwoFactorForStaff: false,
  invoicePrefix: 'INV',
  creditNotePrefix: 'CN',
  invoiceDueDays: 14,
  clientMembersSeeInvoices: false,
  invoiceAddress: '',
  invoiceTaxId: '',
  invoiceEmail: '',
};

export function tenantSettings(stored: Record<string, unknown> | null | undefined): TenantSettings {
  const s = stored ?? {};
  const int = (key: keyof TenantSettings) => (Number.isInteger(s[key]) ? (s[key] as number) : (DEFAULT_TENANT_SETTINGS[key] as number));
  const prefix = (key: 'invoicePrefix' | 'creditNotePrefix') =>
    typeof s[key] === 'string' && INVOICE_PREFIX_PATTERN.test(s[key]) ? s[key] : DEFAULT_TENANT_SETTINGS[key];
  const text = (key: 'invoiceAddress' | 'invoiceTaxId' | 'invoiceEmail') =>
    typeof s[key] === 'string' ? s[key] : DEFAULT_TENANT_SETTINGS[key];
  const bool = (key: keyof TenantSettings) => (typeof s[key] === 'boolean' ? s[key] : (DEFAULT_TENANT_SETTINGS[key] as boolean));
  return {
    timerLimitHours: int('timerLimitHours'),
    disclosureDeadlineHours: int('disclosureDeadlineHours'),
    requireDisclosureReview: bool('requireDisclosureReview'),
    showStaffNames: bool('showStaffNames'),
    requireTwoFactorForStaff: bool('requireTwoFactorForStaff'),
    invoicePrefix: prefix('invoicePrefix'),
    creditNotePrefix: prefix('creditNotePrefix'),
    invoiceDueDays: int('invoiceDueDays'),
    clientMembersSeeInvoices: bool('clientMembersSeeInvoices'),
    invoiceAddress: text('invoiceAddress'),
    invoiceTaxId: text('invoiceTaxId'),
    invoiceEmail: text('invoiceEmail'),
  };
}
