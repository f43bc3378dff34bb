import { isClientRole, moneyMinus, roundMoney, type Actor } from '@candor/domain';
import type { InvoiceResponse, InvoiceSummaryResponse, StaffInvoiceResponse } from './dto/invoice.response';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from './invoices.repository';

export interface InvoiceRelated {
  lines: InvoiceLineRow[];
  payments: PaymentRow[];
  creditNotes: InvoiceRow[];
  trail: { action: string; at: Date; actorName: string | null; change: Record<string, unknown> }[];
}

/** What is still owed: total - paid - credited (a credit note owes nothing). */
export function amountDue(row: InvoiceRow): string {
  if (row.kind === 'credit_note' || row.status === 'void') return roundMoney(0, row.currency);
  return moneyMinus(moneyMinus(row.total, row.amountPaid, row.currency), row.amountCredited, row.currency);
}

export const pdfUrl = (id: string) => `/api/v1/invoices/${id}/pdf`;

export function presentSummary(row: InvoiceRow): InvoiceSummaryResponse {
  const money = (v: string) => roundMoney(v, row.currency);
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    status: row.status,
    clientAccountId: row.clientAccountId,
    clientName: row.clientName ?? row.accountName,
    currency: row.currency,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    overdue: row.overdue,
    total: money(row.total),
    amountDue: amountDue(row),
    creditNoteFor: row.creditNoteForNumber,
    pdfUrl: pdfUrl(row.id),
  };
}

/** What a client user sees: the document's facts, no line sources, no void reason, no trail. */
function presentForClient(row: InvoiceRow, related: InvoiceRelated): InvoiceResponse {
  const money = (v: string) => roundMoney(v, row.currency);
  return {
    ...presentSummary(row),
    lines: related.lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: money(l.unitPrice),
      amount: money(l.amount),
      note: l.note,
    })),
    subtotal: money(row.subtotal),
    taxRate: row.taxRate,
    taxAmount: money(row.taxAmount),
    reverseCharge: row.reverseCharge,
    amountPaid: money(row.amountPaid),
    amountCredited: money(row.amountCredited),
    payments: related.payments.map((p) => ({ date: p.paidOn, amount: money(p.amount), method: p.method })),
    creditNotes: related.creditNotes.map((n) => ({ id: n.id, number: n.number, total: money(n.total) })),
    creditNoteFor: row.creditNoteFor ? { id: row.creditNoteFor, number: row.creditNoteForNumber, total: '' } : null,
    notes: row.notes,
  };
}

function presentForStaff(row: InvoiceRow, related: InvoiceRelated): StaffInvoiceResponse {
  const client = presentForClient(row, related);
  return {
    ...client,
    lines: client.lines.map((line, i) => ({
      ...line,
      kind: related.lines[i].kind,
      engagementId: related.lines[i].engagementId,
      creditLedgerEntryId: related.lines[i].creditId,
    })),
    voidReason: row.voidReason,
    createdAt: row.createdAt,
    trail: related.trail.map((t) => ({ ...t, reason: typeof t.change['reason'] === 'string' ? t.change['reason'] : null })),
  };
}

/** Shaped per audience: line sources, the void reason and the edit trail never reach a client user. */
export const presentInvoice = (actor: Actor, row: InvoiceRow, related: InvoiceRelated): InvoiceResponse =>
  isClientRole(actor.role) ? presentForClient(row, related) : presentForStaff(row, related);
