/** Invoices and credit notes. Types come from the generated schema. */
import { api, byId, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type InvoiceSummary = Schemas['InvoiceSummaryResponse'];
export type StaffInvoice = Schemas['StaffInvoiceResponse'];
type StaffLine = Schemas['StaffInvoiceLineResponse'];
/** What a client user gets: the staff shape without line sources, the void reason and the trail. */
export type InvoiceLine = Omit<StaffLine, 'kind' | 'engagementId' | 'creditLedgerEntryId'>;
export type Invoice = Omit<StaffInvoice, 'lines' | 'trail' | 'voidReason' | 'createdAt'> & { lines: InvoiceLine[] };
export type InvoiceStatus = Invoice['status'];
export type InvoiceInput = Schemas['CreateInvoiceDto'];
export type LinesEdit = Schemas['EditInvoiceLinesDto'];
export type PaymentInput = Schemas['RecordPaymentDto'];
export type InvoiceFilter = NonNullable<paths['/api/v1/invoices']['get']['parameters']['query']>;

export function listInvoices(query: InvoiceFilter = {}) {
  return unwrap(api.GET('/api/v1/invoices', { params: { query } }));
}

export function getInvoice(id: string) {
  return unwrap(api.GET('/api/v1/invoices/{id}', byId(id)));
}

export function createInvoice(input: InvoiceInput) {
  return unwrap(api.POST('/api/v1/invoices', { body: input }));
}

export function editInvoiceLines(id: string, edit: LinesEdit) {
  return unwrap(api.PATCH('/api/v1/invoices/{id}/lines', { ...byId(id), body: edit }));
}

export function discardInvoice(id: string) {
  return unwrapVoid(api.DELETE('/api/v1/invoices/{id}', byId(id)));
}

export type InvoiceStep = 'issue' | 'send';

export function moveInvoice(id: string, step: InvoiceStep) {
  return step === 'issue'
    ? unwrap(api.POST('/api/v1/invoices/{id}/issue', byId(id)))
    : unwrap(api.POST('/api/v1/invoices/{id}/send', byId(id)));
}

export function voidInvoice(id: string, reason: string) {
  return unwrap(api.POST('/api/v1/invoices/{id}/void', { ...byId(id), body: { reason } }));
}

export function recordPayment(id: string, payment: PaymentInput) {
  return unwrap(api.POST('/api/v1/invoices/{id}/payments', { ...byId(id), body: payment }));
}

export function creditInvoice(id: string, reason: string) {
  return unwrap(api.POST('/api/v1/invoices/{id}/credit-notes', { ...byId(id), body: { reason } }));
}

/** The PDF of an invoice or credit note, in the client's language (needs the bearer token: fetched, then saved). */
export function downloadInvoicePdf(id: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/invoices/{id}/pdf', { ...byId(id), parseAs: 'blob' }));
}

/** The accounting CSV of the invoices and credit notes issued from `from` to `to` (owners and managers). */
export function exportInvoicesCsv(from: string, to: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/invoices/export.csv', { params: { query: { from, to } }, parseAs: 'blob' }));
}
