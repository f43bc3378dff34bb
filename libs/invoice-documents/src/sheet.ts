import PDFDocument from 'pdfkit';
import { Formats } from './format';
import type { InvoiceDocument } from './invoice-document';
import { LABELS, type Labels } from './labels';
import { TextLayout, type Align, type TextStyle } from './text-layout';

/** A4 in points, and the white space around the content. */
export const PAGE = { width: 595.28, height: 841.89, margin: 48 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const FOOTER_SPACE = 40;

export const MUTED = '#5f6368';
export const RULE = '#d0d4d9';

/**
 * One document being drawn: the pdfkit document, the language's words and formats, and a cursor `y` moving down the
 * page. Boxes are given as on an English page (x from the left margin); on an Arabic page they are mirrored, so
 * columns and blocks swap sides while the code stays one.
 */
export class Sheet {
  readonly doc: PDFKit.PDFDocument;
  readonly text: TextLayout;
  readonly labels: Labels;
  readonly formats: Formats;
  y = PAGE.margin;

  constructor(readonly invoice: InvoiceDocument) {
    const title = invoice.kind === 'credit_note' ? LABELS[invoice.locale].creditNote : LABELS[invoice.locale].invoice;
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      lang: invoice.locale,
      displayTitle: true,
      info: { Title: `${title} ${invoice.number}`, Author: invoice.agency.name, Creator: 'Candor' },
    });
    this.text = new TextLayout(this.doc, invoice.locale);
    this.labels = LABELS[invoice.locale];
    this.formats = new Formats(invoice.locale, invoice.currency);
  }

  /** The left edge of a box given from the left margin on an English page. */
  x(offset: number, width: number): number {
    const left = PAGE.margin + offset;
    return this.text.rtl ? PAGE.width - left - width : left;
  }

  /** Draws text in a box at the cursor's height plus `dy`; returns the height it took. */
  write(text: string, offset: number, width: number, style: TextStyle, align: Align = 'start', dy = 0): number {
    return this.text.draw(text, this.x(offset, width), this.y + dy, width, style, align);
  }

  /** A thin line across the content at the cursor. */
  rule(color = RULE): void {
    this.doc
      .moveTo(PAGE.margin, this.y)
      .lineTo(PAGE.width - PAGE.margin, this.y)
      .lineWidth(0.6)
      .strokeColor(color)
      .stroke();
  }

  /** Starts a new page when `height` no longer fits above the footer; true when it did. */
  ensure(height: number): boolean {
    if (this.y + height <= PAGE.height - PAGE.margin - FOOTER_SPACE) return false;
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.y = PAGE.margin;
    return true;
  }

  /** The finished file. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => {
        resolve(Buffer.concat(chunks));
      });
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
