import { roundMoney, type TenantSettings } from '@candor/domain';
import { invoiceLocale, type InvoiceDocument } from '@candor/invoice-documents';
import { amountDue, type InvoiceRelated } from './invoice.presenter';
import type { InvoiceRow } from './invoices.repository';

/**
 * An invoice or credit note as the PDF and CSV library (`@candor/invoice-documents`) takes it: the billing details
 * frozen at issue (the account's current ones on a draft), money at the currency's minor unit, the agency under its
 * brand's display name with its logo (PNG or JPEG) when it has one.
 */
export function presentInvoiceDocument(
  row: InvoiceRow,
  related: Pick<InvoiceRelated, 'lines' | 'payments'>,
  agency: { name: string; settings: TenantSettings; logo: Buffer | null },
  client: { billingAddress: string | null; taxId: string | null },
  locale: string | null,
): InvoiceDocument {
  const money = (v: string) => roundMoney(v, row.currency);
  const issued = row.status !== 'draft';
  return {
    kind: row.kind,
    number: row.number ?? '',
    status: row.status,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    currency: row.currency,
    locale: invoiceLocale(locale),
    agency: {
      name: agency.name,
      address: agency.settings.invoiceAddress || null,
      taxId: agency.settings.invoiceTaxId || null,
      email: agency.settings.invoiceEmail || null,
      logo: agency.logo,
    },
    client: {
      name: row.clientName ?? row.accountName,
      billingAddress: issued ? row.billingAddress : client.billingAddress,
      taxId: issued ? row.clientTaxId : client.taxId,
    },
    lines: related.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: money(l.unitPrice),
      amount: money(l.amount),
      note: l.note,
    })),
    subtotal: money(row.subtotal),
    taxRate: row.reverseCharge ? null : row.taxRate,
    taxAmount: money(row.taxAmount),
    total: money(row.total),
    reverseCharge: row.reverseCharge,
    creditNoteFor: row.creditNoteForNumber,
    payments: related.payments.map((p) => ({ date: p.paidOn, amount: money(p.amount), method: p.method })),
    amountDue: amountDue(row),
    notes: row.notes,
  };
}
