import type { InvoiceDocument } from './invoice-document';
import { fill } from './labels';
import { drawLines } from './line-table';
import { CONTENT_WIDTH, MUTED, PAGE, Sheet } from './sheet';
import { isolate } from './text-layout';
import { drawTotals } from './totals';

const LOGO_BOX: [number, number] = [150, 60];
const START_WIDTH = 220;
const END_WIDTH = 270;
const END_OFFSET = CONTENT_WIDTH - END_WIDTH;
const FACT_LABEL = 90;

/**
 * The invoice or credit note as a PDF in the client's language: the agency's details and logo, the client's billing
 * details, the lines, totals, payments and amount due. Arabic reads right to left with the layout mirrored; every
 * script is drawn with the Noto fonts the library ships, embedded as subsets.
 */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const sheet = new Sheet(invoice);
  drawHeading(sheet);
  drawParties(sheet);
  drawLines(sheet);
  drawTotals(sheet);
  drawNotes(sheet);
  drawFooters(sheet);
  return sheet.finish();
}

/** The logo and the agency at the start side; the title, number, dates and status at the end side. */
function drawHeading(sheet: Sheet): void {
  const { invoice, labels, formats } = sheet;
  const top = sheet.y;
  let start = 0;
  if (invoice.agency.logo && drawLogo(sheet, invoice.agency.logo)) start = LOGO_BOX[1] + 10;
  start += sheet.write(invoice.agency.name, 0, START_WIDTH, { size: 12, weight: 'bold' }, 'start', start);
  const agencyLines = [invoice.agency.address, taxId(sheet, invoice.agency.taxId), invoice.agency.email];
  for (const line of agencyLines) if (line) start += sheet.write(line, 0, START_WIDTH, { size: 9, color: MUTED }, 'start', start);

  const title = invoice.kind === 'credit_note' ? labels.creditNote : labels.invoice;
  let end = sheet.write(title, END_OFFSET, END_WIDTH, { size: 22, weight: 'bold' }, 'end');
  end += sheet.write(invoice.number, END_OFFSET, END_WIDTH, { size: 12, weight: 'bold' }, 'end', end) + 6;
  const facts: [string, string | null][] = [
    [labels.issueDate, invoice.issueDate && formats.date(invoice.issueDate)],
    [labels.dueDate, invoice.dueDate && formats.date(invoice.dueDate)],
    [
      labels.period,
      invoice.periodStart &&
        invoice.periodEnd &&
        `${isolate(formats.date(invoice.periodStart))} – ${isolate(formats.date(invoice.periodEnd))}`,
    ],
    [labels.status, labels.statuses[invoice.status]],
  ];
  for (const [label, value] of facts) {
    if (!value) continue;
    sheet.write(label, END_OFFSET, FACT_LABEL, { size: 9, color: MUTED }, 'start', end);
    end += sheet.write(value, END_OFFSET + FACT_LABEL, END_WIDTH - FACT_LABEL, { size: 9 }, 'end', end);
  }
  if (invoice.creditNoteFor) {
    const corrects = fill(labels.correctsInvoice, { number: isolate(invoice.creditNoteFor) });
    end += sheet.write(corrects, END_OFFSET, END_WIDTH, { size: 9, weight: 'bold' }, 'end', end + 4) + 4;
  }
  sheet.y = top + Math.max(start, end) + 24;
}

/**
 * The logo fitted into its box against the start side. One pdfkit cannot read (neither PNG nor JPEG) is left out: the
 * invoice is owed whatever the branding, and the logo is checked when it is uploaded.
 */
function drawLogo(sheet: Sheet, logo: Buffer): boolean {
  const align = sheet.text.rtl ? { align: 'right' as const } : {};
  try {
    sheet.doc.image(logo, sheet.x(0, LOGO_BOX[0]), sheet.y, { fit: LOGO_BOX, ...align });
    return true;
  } catch {
    return false;
  }
}

/** "Bill to": the client's name, billing address and tax ID. */
function drawParties(sheet: Sheet): void {
  const { invoice, labels } = sheet;
  let height = sheet.write(labels.billTo, 0, START_WIDTH, { size: 9, weight: 'bold', color: MUTED });
  height += sheet.write(invoice.client.name, 0, START_WIDTH, { size: 11, weight: 'bold' }, 'start', height);
  for (const line of [invoice.client.billingAddress, taxId(sheet, invoice.client.taxId)]) {
    if (line) height += sheet.write(line, 0, START_WIDTH, { size: 9 }, 'start', height);
  }
  sheet.y += height + 20;
}

const taxId = (sheet: Sheet, id: string | null): string | null => (id ? `${sheet.labels.taxId}: ${isolate(id)}` : null);

/** Free notes under the totals. */
function drawNotes(sheet: Sheet): void {
  const notes = sheet.invoice.notes;
  if (!notes) return;
  const style = { size: 9 };
  sheet.ensure(sheet.text.height(notes, CONTENT_WIDTH, style) + 30);
  sheet.y += 14 + sheet.write(sheet.labels.notes, 0, CONTENT_WIDTH, { size: 9, weight: 'bold', color: MUTED });
  sheet.y += sheet.write(notes, 0, CONTENT_WIDTH, style);
}

/** On every page: the agency and its tax ID at the start, "Page 1 of 2" at the end; "Draft" or "Void" across it. */
function drawFooters(sheet: Sheet): void {
  const { invoice, labels } = sheet;
  const range = sheet.doc.bufferedPageRange();
  const who = [invoice.agency.name, taxId(sheet, invoice.agency.taxId), invoice.agency.email]
    .filter((part): part is string => !!part)
    .map(isolate)
    .join(' · ');
  for (let page = range.start; page < range.start + range.count; page++) {
    sheet.doc.switchToPage(page);
    sheet.y = PAGE.height - PAGE.margin - 12;
    sheet.write(who, 0, CONTENT_WIDTH - 120, { size: 8, color: MUTED });
    sheet.write(fill(labels.page, { page: page + 1, pages: range.count }), CONTENT_WIDTH - 120, 120, { size: 8, color: MUTED }, 'end');
    if (invoice.status === 'draft' || invoice.status === 'void') drawStamp(sheet, labels.statuses[invoice.status]);
  }
}

/** A large faint word across the page, so a draft or a voided invoice is never taken for one to pay. */
function drawStamp(sheet: Sheet, word: string): void {
  const size = 96;
  sheet.doc
    .save()
    .fillOpacity(0.1)
    .rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
  sheet.text.draw(word, 0, PAGE.height / 2 - size * 0.7, PAGE.width, { size, weight: 'bold', color: '#b00020' }, 'center');
  sheet.doc.restore();
}
