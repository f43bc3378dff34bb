#!/usr/bin/env node
// Writes a sample invoice in each of the six languages and a credit note as PDFs, plus the accounting CSV of them,
// for a person to look at: `npx nx run @candor/invoice-documents:build && node scripts/sample-invoices.mjs [folder]`
// (default /tmp/candor-pdf). `pdftoppm -png -r 80 file.pdf prefix` turns a page into a picture.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { INVOICE_LOCALES, invoicesCsv, renderInvoicePdf, sampleInvoice } = require('@candor/invoice-documents');

const folder = process.argv[2] ?? '/tmp/candor-pdf';
mkdirSync(folder, { recursive: true });
const documents = INVOICE_LOCALES.map((locale) => ({ name: `sample-invoice-${locale}`, doc: sampleInvoice(locale) }));
const credit = {
  description: 'Hours billed twice in week 47',
  quantity: '-2',
  unit: 'hour',
  unitPrice: '40.00',
  amount: '-80.00',
  note: null,
};
documents.push({
  name: 'sample-credit-note-en',
  doc: sampleInvoice('en', {
    kind: 'credit_note',
    number: 'CN-2026-0002',
    creditNoteFor: 'INV-2026-0007',
    lines: [credit],
    subtotal: '-80.00',
    taxRate: null,
    taxAmount: '0.00',
    total: '-80.00',
    reverseCharge: true,
    payments: [],
    amountDue: '-80.00',
  }),
});
for (const { name, doc } of documents) {
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, await renderInvoicePdf(doc));
  console.log(file);
}
writeFileSync(join(folder, 'sample-invoices.csv'), invoicesCsv(documents.map(({ doc }) => doc)));
console.log(join(folder, 'sample-invoices.csv'));
