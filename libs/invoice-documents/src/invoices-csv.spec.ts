import { parse } from 'csv-parse/sync';
import { INVOICES_CSV_HEADER, invoicesCsv } from './invoices-csv';
import { sampleInvoice } from './sample-invoices';

const read = (csv: string): Record<string, string>[] => parse<Record<string, string>>(csv, { columns: true });

describe('invoicesCsv', () => {
  it('writes one row per line, the invoice columns repeated, amounts as plain decimals with "."', () => {
    const invoice = sampleInvoice('de');
    const credit = sampleInvoice('ja', {
      kind: 'credit_note',
      number: 'CN-2026-0002',
      creditNoteFor: 'INV-2026-0001',
      reverseCharge: true,
      taxRate: null,
    });
    const rows = read(invoicesCsv([invoice, credit]));
    expect(rows).toHaveLength(invoice.lines.length + credit.lines.length);
    expect(Object.keys(rows[0] ?? {})).toEqual(INVOICES_CSV_HEADER);
    expect(rows[0]).toEqual({
      number: 'INV-2026-0007',
      kind: 'invoice',
      status: 'issued',
      issue_date: '2026-11-30',
      due_date: '2026-12-14',
      period_start: '2026-11-01',
      period_end: '2026-11-30',
      client: 'Fjord Design Studio GmbH',
      client_tax_id: 'DE811907980',
      currency: 'EUR',
      line: '1',
      description: 'Terminverwaltung und Postfach',
      quantity: '12.5',
      unit: 'hour',
      unit_price: '40.00',
      line_amount: '500.00',
      line_note: '',
      subtotal: '675.00',
      tax_rate: '19',
      tax_amount: '128.25',
      total: '803.25',
      reverse_charge: 'no',
      credit_note_for: '',
      amount_due: '503.25',
    });
    expect(rows.slice(0, 4).map((r) => [r['line'], r['line_amount'], r['total']])).toEqual([
      ['1', '500.00', '803.25'],
      ['2', '250.00', '803.25'],
      ['3', '0.00', '803.25'],
      ['4', '-75.00', '803.25'],
    ]);
    expect(rows[4]).toMatchObject({
      number: 'CN-2026-0002',
      kind: 'credit_note',
      currency: 'JPY',
      client: '株式会社さくら商事',
      line: '1',
    });
    expect(rows[4]).toMatchObject({ line_amount: '50000', tax_rate: '', reverse_charge: 'yes', credit_note_for: 'INV-2026-0001' });
  });

  it('keeps commas, quotes and line breaks inside their cell and defuses text that a spreadsheet would run', () => {
    const invoice = sampleInvoice('en', {
      client: { name: '=HYPERLINK("http://evil.example")', billingAddress: null, taxId: null },
      lines: [
        {
          description: 'Research, "urgent"\nsecond line',
          quantity: '1',
          unit: 'item',
          unitPrice: '-10.00',
          amount: '-10.00',
          note: '@SUM(A1)',
        },
      ],
    });
    const [row] = read(invoicesCsv([invoice]));
    expect(row).toMatchObject({
      client: `'=HYPERLINK("http://evil.example")`,
      description: 'Research, "urgent"\nsecond line',
      line_note: `'@SUM(A1)`,
    });
    expect(row).toMatchObject({ unit_price: '-10.00', line_amount: '-10.00' }); // amounts stay numbers
  });

  it('still lists an invoice without lines, and an empty export is its header', () => {
    const rows = read(invoicesCsv([sampleInvoice('nb', { lines: [] })]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ number: 'INV-2026-0007', line: '', description: '', total: '803.25' });
    expect(invoicesCsv([])).toBe(`${INVOICES_CSV_HEADER.join(',')}\n`);
  });

  it('refuses an amount that is not a plain decimal rather than write it', () => {
    expect(() => invoicesCsv([sampleInvoice('en', { amountDue: '503,25' })])).toThrow('Not a decimal amount: "503,25"');
  });
});
