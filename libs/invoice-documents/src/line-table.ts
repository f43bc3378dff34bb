import type { InvoiceLine } from './invoice-document';
import { MUTED, Sheet } from './sheet';
import type { Align } from './text-layout';

/** The columns as on an English page: offset from the left margin, width, alignment. */
const COLUMNS: Record<'description' | 'quantity' | 'unitPrice' | 'amount', { offset: number; width: number; align: Align }> = {
  description: { offset: 0, width: 235, align: 'start' },
  quantity: { offset: 245, width: 75, align: 'end' },
  unitPrice: { offset: 325, width: 85, align: 'end' },
  amount: { offset: 414, width: 85, align: 'end' },
};
const BODY = { size: 9.5 };
const NOTE = { size: 8, color: MUTED };
const PADDING = 5;

const isZero = (amount: string): boolean => /^-?0+(\.0+)?$/.test(amount);

/** The lines table; its header is drawn again at the top of each page it runs onto. */
export function drawLines(sheet: Sheet): void {
  drawHeader(sheet);
  for (const line of sheet.invoice.lines) {
    const notes = lineNotes(sheet, line);
    const height = Math.max(
      sheet.text.height(line.description, COLUMNS.description.width, BODY) +
        notes.reduce((sum, n) => sum + sheet.text.height(n, COLUMNS.description.width, NOTE), 0),
      sheet.text.height(sheet.formats.quantity(line), COLUMNS.quantity.width, BODY),
    );
    if (sheet.ensure(height + 2 * PADDING)) drawHeader(sheet);
    sheet.y += PADDING;
    const cells: [keyof typeof COLUMNS, string][] = [
      ['quantity', sheet.formats.quantity(line)],
      ['unitPrice', sheet.formats.amount(line.unitPrice)],
      ['amount', sheet.formats.amount(line.amount)],
    ];
    for (const [column, value] of cells) sheet.write(value, COLUMNS[column].offset, COLUMNS[column].width, BODY, COLUMNS[column].align);
    let dy = sheet.write(line.description, COLUMNS.description.offset, COLUMNS.description.width, BODY);
    for (const note of notes) dy += sheet.write(note, COLUMNS.description.offset, COLUMNS.description.width, NOTE, 'start', dy);
    sheet.y += height + PADDING;
    sheet.rule();
  }
}

/** Under the description: "Fixed at no charge" for a line at 0, then the line's own note. */
function lineNotes(sheet: Sheet, line: InvoiceLine): string[] {
  return [isZero(line.amount) ? sheet.labels.fixedAtNoCharge : null, line.note].filter((n): n is string => !!n);
}

function drawHeader(sheet: Sheet): void {
  const style = { size: 8.5, weight: 'bold' as const, color: MUTED };
  const { labels } = sheet;
  const titles: [keyof typeof COLUMNS, string][] = [
    ['description', labels.description],
    ['quantity', labels.quantity],
    ['unitPrice', labels.unitPrice],
    ['amount', labels.amount],
  ];
  const height = Math.max(...titles.map(([column, title]) => sheet.text.height(title, COLUMNS[column].width, style)));
  sheet.ensure(height + 40);
  for (const [column, title] of titles) sheet.write(title, COLUMNS[column].offset, COLUMNS[column].width, style, COLUMNS[column].align);
  sheet.y += height + 3;
  sheet.rule(MUTED);
}
