import { stringify } from 'csv-stringify/sync';
import { decimal } from './format';
import type { InvoiceDocument, InvoiceLine } from './invoice-document';

/** A spreadsheet would run a cell that starts like a formula; free text is defused with a leading apostrophe. */
const defuse = (text: string | null): string => (text && /^[=+\-@\t\r]/.test(text) ? `'${text}` : (text ?? ''));

const INVOICE_COLUMNS = [
  'number',
  'kind',
  'status',
  'issue_date',
  'due_date',
  'period_start',
  'period_end',
  'client',
  'client_tax_id',
  'currency',
];
const LINE_COLUMNS = ['line', 'description', 'quantity', 'unit', 'unit_price', 'line_amount', 'line_note'];
const TOTAL_COLUMNS = ['subtotal', 'tax_rate', 'tax_amount', 'total', 'reverse_charge', 'credit_note_for', 'amount_due'];

/** The header row; every amount below is a plain decimal with '.', in the row's currency. */
export const INVOICES_CSV_HEADER = [...INVOICE_COLUMNS, ...LINE_COLUMNS, ...TOTAL_COLUMNS];

function invoiceCells(doc: InvoiceDocument): string[] {
  return [
    doc.number,
    doc.kind,
    doc.status,
    doc.issueDate ?? '',
    doc.dueDate ?? '',
    doc.periodStart ?? '',
    doc.periodEnd ?? '',
    defuse(doc.client.name),
    defuse(doc.client.taxId),
    doc.currency,
  ];
}

function lineCells(line: InvoiceLine | undefined, index: number): string[] {
  if (!line) return LINE_COLUMNS.map(() => '');
  return [
    String(index + 1),
    defuse(line.description),
    decimal(line.quantity),
    line.unit,
    decimal(line.unitPrice),
    decimal(line.amount),
    defuse(line.note),
  ];
}

function totalCells(doc: InvoiceDocument): string[] {
  const taxRate = doc.taxRate === null ? '' : decimal(doc.taxRate);
  return [
    decimal(doc.subtotal),
    taxRate,
    decimal(doc.taxAmount),
    decimal(doc.total),
    doc.reverseCharge ? 'yes' : 'no',
    doc.creditNoteFor ?? '',
    decimal(doc.amountDue),
  ];
}

/**
 * The accounting export: one row per line with the invoice's columns repeated (an invoice without lines still has
 * one row), so a spreadsheet can sum lines and pick one row per invoice for its totals.
 */
export function invoicesCsv(rows: InvoiceDocument[]): string {
  const records = rows.flatMap((doc) => {
    const lines = doc.lines.length > 0 ? doc.lines : [undefined];
    return lines.map((line, index) => [...invoiceCells(doc), ...lineCells(line, index), ...totalCells(doc)]);
  });
  return stringify([INVOICES_CSV_HEADER, ...records]);
}
