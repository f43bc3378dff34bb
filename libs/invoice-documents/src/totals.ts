import { CONTENT_WIDTH, MUTED, RULE, Sheet } from './sheet';
import { isolate, type TextStyle } from './text-layout';

const WIDTH = 250;
const OFFSET = CONTENT_WIDTH - WIDTH;
const LABEL_WIDTH = 140;

/** Subtotal, tax (or the reverse-charge wording), total, payments received and the amount due, at the end side. */
export function drawTotals(sheet: Sheet): void {
  const { invoice, labels, formats } = sheet;
  const rows: [string, string, TextStyle][] = [[labels.subtotal, formats.amount(invoice.subtotal), { size: 9.5 }]];
  if (!invoice.reverseCharge) {
    const label = invoice.taxRate ? `${labels.tax} (${formats.rate(invoice.taxRate)})` : labels.tax;
    rows.push([label, formats.amount(invoice.taxAmount), { size: 9.5 }]);
  }
  rows.push([labels.total, formats.amount(invoice.total), { size: 11, weight: 'bold' }]);
  sheet.ensure(rows.length * 18 + invoice.payments.length * 16 + 80);
  sheet.y += 10;
  for (const [label, value, style] of rows) row(sheet, label, value, style);
  if (invoice.payments.length > 0) {
    sheet.y += 4 + sheet.write(labels.payments, OFFSET, WIDTH, { size: 9, weight: 'bold', color: MUTED });
    for (const payment of invoice.payments) {
      row(sheet, `${isolate(formats.date(payment.date))} · ${isolate(payment.method)}`, formats.amount(payment.amount), {
        size: 9,
        color: MUTED,
      });
    }
  }
  sheet.y += 4;
  sheet.doc.rect(sheet.x(OFFSET, WIDTH), sheet.y, WIDTH, 0.8).fill(RULE);
  sheet.y += 4;
  row(sheet, labels.amountDue, formats.amount(invoice.amountDue), { size: 12, weight: 'bold' });
  if (invoice.reverseCharge) {
    sheet.y += 10;
    sheet.y += sheet.write(labels.reverseCharge, 0, CONTENT_WIDTH, { size: 9, weight: 'bold' });
  }
}

function row(sheet: Sheet, label: string, value: string, style: TextStyle): void {
  const height = sheet.write(label, OFFSET, LABEL_WIDTH, style);
  sheet.write(value, OFFSET + LABEL_WIDTH, WIDTH - LABEL_WIDTH, style, 'end');
  sheet.y += height + 2;
}
