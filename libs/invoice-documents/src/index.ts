export * from './invoice-document';
export { renderInvoicePdf } from './render-invoice-pdf';
export { invoicesCsv } from './invoices-csv';
export { LABELS, type Labels } from './labels';
export { sampleInvoice, sampleLogo } from './sample-invoices';
