/** The product's six languages (the web's and the emails' catalogs); an invoice is written in the client's. */
export const INVOICE_LOCALES = ['en', 'de', 'nb', 'ja', 'zh-Hant', 'ar'] as const;
export type InvoiceLocale = (typeof INVOICE_LOCALES)[number];

export type InvoiceLineUnit = 'hour' | 'item' | 'month' | 'percent';

/** One line of an invoice or credit note; every figure is a decimal string with '.' ("12.50", "-40.00", "0.00"). */
export interface InvoiceLine {
  description: string;
  quantity: string;
  unit: InvoiceLineUnit;
  unitPrice: string;
  /** May be negative (a discount or credit) or "0.00" (work fixed at no charge). */
  amount: string;
  note: string | null;
}

/** A payment received against the invoice. */
export interface InvoicePayment {
  /** YYYY-MM-DD */
  date: string;
  amount: string;
  method: string;
}

/**
 * An invoice or credit note as the API presents it: everything the PDF and the accounting CSV print,
 * already calculated (this library formats, it never computes a total).
 */
export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note';
  /** e.g. "INV-2026-0007"; a credit note "CN-2026-0002" */
  number: string;
  status: 'draft' | 'issued' | 'sent' | 'paid' | 'void';
  /** YYYY-MM-DD */
  issueDate: string | null;
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** ISO 4217, e.g. "EUR", "JPY" (minor units from Intl) */
  currency: string;
  /** The client's language */
  locale: InvoiceLocale;
  agency: { name: string; address: string | null; taxId: string | null; email: string | null; logo: Buffer | null };
  client: { name: string; billingAddress: string | null; taxId: string | null };
  lines: InvoiceLine[];
  subtotal: string;
  taxRate: string | null;
  taxAmount: string;
  total: string;
  /** Prints the reverse-charge wording, no tax. */
  reverseCharge: boolean;
  /** The invoice number a credit note corrects. */
  creditNoteFor: string | null;
  payments: InvoicePayment[];
  amountDue: string;
  notes: string | null;
}

/**
 * The invoice language for a stored language tag: itself when it is one of the six, else its base language's
 * ("de-AT" is German, "zh-TW" and "zh-HK" are Traditional Chinese, "nn"/"no" Norwegian Bokmål), else English.
 */
export function invoiceLocale(tag: string | null | undefined): InvoiceLocale {
  const exact = INVOICE_LOCALES.find((locale) => locale.toLowerCase() === tag?.toLowerCase());
  if (exact) return exact;
  const [base = '', ...rest] = (tag ?? '').toLowerCase().split(/[-_]/);
  if (base === 'zh') return rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part)) ? 'zh-Hant' : 'en';
  if (base === 'no' || base === 'nn') return 'nb';
  return INVOICE_LOCALES.find((locale) => locale === base) ?? 'en';
}
