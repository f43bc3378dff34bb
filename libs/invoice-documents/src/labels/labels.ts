import type { InvoiceDocument } from '../invoice-document';

/** Every word a document prints, per language; `{number}`, `{page}` and `{pages}` are filled in by the renderer. */
export interface Labels {
  invoice: string;
  creditNote: string;
  number: string;
  issueDate: string;
  dueDate: string;
  period: string;
  status: string;
  statuses: Record<InvoiceDocument['status'], string>;
  from: string;
  billTo: string;
  taxId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  subtotal: string;
  tax: string;
  total: string;
  amountDue: string;
  reverseCharge: string;
  fixedAtNoCharge: string;
  payments: string;
  date: string;
  method: string;
  correctsInvoice: string;
  notes: string;
  page: string;
}
