// replaced by @candor/invoice-documents at merge
// A local copy of the contract between the invoice engineers: the API presents every invoice and credit
// note in this shape (invoice-document.presenter.ts), which the PDF and CSV library renders.

/** The product's six languages (libs/email-templates/locales and the web catalogs). */
export type InvoiceLocale = 'en' | 'de' | 'nb' | 'ja' | 'zh-Hant' | 'ar';

export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note';
  /** e.g. "INV-2026-0007"; a credit note "CN-2026-0002"; a draft has none yet (""). */
  number: string;
  status: 'draft' | 'issued' | 'sent' | 'paid' | 'void';
  /** YYYY-MM-DD */
  issueDate: string | null;
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  /** ISO 4217, e.g. "EUR", "JPY" (minor units from Intl). */
  currency: string;
  /** The client's language. */
  locale: InvoiceLocale;
  agency: { name: string; address: string | null; taxId: string | null; email: string | null; logo: Buffer | null };
  client: { name: string; billingAddress: string | null; taxId: string | null };
  /** Decimal strings; an amount may be negative (discounts, credits) or zero (fixed at no charge). */
  lines: {
    description: string;
    quantity: string;
    unit: 'hour' | 'item' | 'month' | 'percent';
    unitPrice: string;
    amount: string;
    note: string | null;
  }[];
  subtotal: string;
  taxRate: string | null;
  taxAmount: string;
  total: string;
  /** Prints the reverse-charge wording, no tax. */
  reverseCharge: boolean;
  /** The invoice number a credit note corrects. */
  creditNoteFor: string | null;
  payments: { date: string; amount: string; method: string }[];
  amountDue: string;
  notes: string | null;
}
