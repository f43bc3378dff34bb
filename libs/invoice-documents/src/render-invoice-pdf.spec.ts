import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INVOICE_LOCALES, type InvoiceDocument, type InvoiceLine } from './invoice-document';
import { LABELS } from './labels';
import { renderInvoicePdf } from './render-invoice-pdf';
import { sampleInvoice } from './sample-invoices';

interface ExtractedPage {
  text: string;
  items: { str: string; x: number; y: number; width: number }[];
}
interface Extracted {
  pages: ExtractedPage[];
  info: { Title?: string; Language?: string };
}

/** The text pdf.js reads back from the file (in a child process: pdfjs-dist is ES modules only). */
function extract(pdf: Buffer): Extracted {
  const out = execFileSync(process.execPath, [join(__dirname, '..', 'scripts', 'pdf-text.mjs')], {
    input: pdf,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as Extracted;
}

/**
 * Text compared without layout: Arabic presentation forms folded to letters (NFKC), no white space (items are cut
 * where the font changes), no bidi marks (Intl writes some into Arabic amounts).
 */
const flat = (text: string): string => text.normalize('NFKC').replace(/[\s\u061C\u200E\u200F\u2066-\u2069]/gu, '');

const OUT = join(tmpdir(), 'candor-pdf');

/** Renders, keeps the file for a person to look at (`pdftoppm -png` them), and reads it back. */
async function renderAndRead(name: string, invoice: InvoiceDocument): Promise<{ pdf: Buffer; read: Extracted; all: string }> {
  const pdf = await renderInvoicePdf(invoice);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `${name}.pdf`), pdf);
  const read = extract(pdf);
  return { pdf, read, all: flat(read.pages.map((p) => p.text).join('\n')) };
}

const expectWords = (all: string, words: string[]) => {
  for (const word of words) expect(all).toContain(flat(word));
};

describe('renderInvoicePdf', () => {
  it('writes an English invoice: agency, client, labels, amounts and dates in English', async () => {
    const { pdf, read, all } = await renderAndRead('invoice-en', sampleInvoice('en'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(read.info).toMatchObject({ Title: 'Invoice INV-2026-0007', Language: 'en' });
    expect(read.pages).toHaveLength(1);
    expectWords(all, ['Northwind Assistants', 'Tax ID: NL123456789B01', 'Acme Bakery Ltd', '12 Baker Street', 'INV-2026-0007']);
    expectWords(all, ['Invoice', 'Bill to', 'Description', 'Quantity', 'Unit price', 'Amount', 'Subtotal', 'Tax (19%)', 'Total']);
    expectWords(all, ['Payments', 'Amount due', 'Fixed at no charge', 'Compensation offer', 'Page 1 of 1']);
    expectWords(all, ['€675.00', '€128.25', '€803.25', '-€75.00', '€503.25', '12.5 hr', 'November 30, 2026', 'December 14, 2026']);
    expect(all).not.toContain(flat(LABELS.en.reverseCharge));
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/); // the agency's logo
  });

  it('writes an Arabic invoice right to left: Arabic words, mirrored columns, amounts as Intl writes them', async () => {
    const { read, all } = await renderAndRead('invoice-ar', sampleInvoice('ar'));
    expect(read.info).toMatchObject({ Title: 'فاتورة INV-2026-0007', Language: 'ar' });
    expectWords(all, [
      'فاتورة',
      'فاتورة إلى',
      'الكمية',
      'سعر الوحدة',
      'المبلغ',
      'المجموع الفرعي',
      'الضريبة',
      'المبلغ المستحق',
      'المدفوعات',
    ]);
    expectWords(all, [
      'شركة النخيل للتجارة',
      'المملكة العربية السعودية',
      'إدارة البريد والتقويم',
      'متابعة فواتير الموردين',
      'INV-2026-0007',
    ]);
    expectWords(all, ['503.25', '803.25', '30 نوفمبر 2026', 'صفحة 1 من 1']);
    // Mirrored: the description column is at the right, the amounts at the left; the title at the left, the agency at the right.
    const at = (str: string) => read.pages[0]?.items.find((item) => item.str.normalize('NFKC') === str)?.x ?? Number.NaN;
    expect(at(LABELS.ar.description)).toBeGreaterThan(at(LABELS.ar.quantity));
    expect(at(LABELS.ar.quantity)).toBeGreaterThan(at(LABELS.ar.amount));
    expect(at('Northwind Assistants')).toBeGreaterThan(at(LABELS.ar.invoice));
  });

  it('writes a Japanese invoice in yen with Japanese labels, words and dates', async () => {
    const { read, all } = await renderAndRead('invoice-ja', sampleInvoice('ja'));
    expect(read.info).toMatchObject({ Title: '請求書 INV-2026-0007', Language: 'ja' });
    expectWords(all, [
      '請求書',
      '請求先',
      '品目',
      '数量',
      '単価',
      '金額',
      '小計',
      '消費税 (19%)',
      '合計',
      '入金',
      '未払残高',
      '無償で修正',
    ]);
    expectWords(all, ['株式会社さくら商事', '東京都渋谷区渋谷2-21-1', 'メール対応とスケジュール管理', '請求書の確認と取引先への連絡']);
    expectWords(all, ['￥72,000', '￥13,680', '￥85,680', '-￥8,000', '￥65,680', '12.5 時間', '2026年11月30日', '2026年12月14日']);
    const layout = (left: string, right: string) => {
      const items = read.pages[0]?.items ?? [];
      expect(items.find((i) => i.str === left)?.x).toBeLessThan(items.find((i) => i.str === right)?.x ?? 0);
    };
    layout('品目', '金額'); // left to right
  });

  it('writes a credit note: its title, the invoice it corrects, negative amounts and the reverse-charge wording without tax', async () => {
    const credit: InvoiceLine = {
      description: 'Gutschrift für doppelt berechnete Stunden',
      quantity: '-2',
      unit: 'hour',
      unitPrice: '40.00',
      amount: '-80.00',
      note: null,
    };
    const { read, all } = await renderAndRead(
      'credit-note-de',
      sampleInvoice('de', {
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
        notes: 'Der Betrag wird mit der nächsten Rechnung verrechnet.',
      }),
    );
    expect(read.info.Title).toBe('Gutschrift CN-2026-0002');
    expectWords(all, ['Gutschrift', 'CN-2026-0002', 'Korrigiert Rechnung INV-2026-0007', LABELS.de.reverseCharge, 'Hinweise']);
    expectWords(all, ['-80,00 €', '-2 Std.', 'Zwischensumme', 'Gesamtbetrag', 'Offener Betrag', '30. November 2026']);
    expect(all).not.toContain(flat(`${LABELS.de.tax} 0,00 €`)); // no tax row
    expect(all).not.toContain(flat(LABELS.de.payments));
    const titles = read.pages[0]?.items.map((item) => item.str);
    expect(titles).toContain('Gutschrift');
    expect(titles).not.toContain('Rechnung');
  });

  it('runs long invoices onto further pages, with the column titles again and "Page n of m"', async () => {
    const base = sampleInvoice('en', { agency: { ...sampleInvoice('en').agency, logo: null } });
    const lines = Array.from({ length: 40 }, (_, i) => ({ ...base.lines[0], description: `Research task ${i + 1}` }));
    const { read } = await renderAndRead('invoice-en-long', { ...base, lines });
    expect(read.pages).toHaveLength(2);
    for (const [i, page] of read.pages.entries()) {
      expect(flat(page.text)).toContain(flat(`Unit price`));
      expect(flat(page.text)).toContain(flat(`Page ${i + 1} of 2`));
    }
    expect(flat(read.pages[1]?.text ?? '')).toContain(flat('Research task 40'));
    expect(flat(read.pages[1]?.text ?? '')).toContain(flat('Amount due€503.25'));
  });

  it.each(INVOICE_LOCALES)('writes the %s invoice in its language', async (locale) => {
    const { all } = await renderAndRead(`invoice-${locale}`, sampleInvoice(locale));
    expectWords(all, [LABELS[locale].invoice, LABELS[locale].billTo, LABELS[locale].amountDue, 'INV-2026-0007']);
  });

  it('stamps a draft across every page in its language, and leaves out a logo it cannot read', async () => {
    const draft = sampleInvoice('ja', { status: 'draft', agency: { ...sampleInvoice('ja').agency, logo: Buffer.from('not an image') } });
    const { pdf, read } = await renderAndRead('invoice-ja-draft', draft);
    expect(read.pages[0]?.items.map((item) => item.str)).toContain(LABELS.ja.statuses.draft);
    expect(read.pages[0]?.items.filter((item) => item.str === LABELS.ja.statuses.draft)).toHaveLength(2); // the status row and the stamp
    expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('wraps a long Arabic description onto right-aligned lines, every word kept in order', async () => {
    const description = 'متابعة فواتير الموردين وإعداد تقرير شهري مفصل عن المصروفات والمدفوعات المتأخرة مع التواصل مع كل مورد على حدة';
    const invoice = sampleInvoice('ar', {
      lines: [{ description, quantity: '3', unit: 'hour', unitPrice: '40.00', amount: '120.00', note: null }],
    });
    const { read, all } = await renderAndRead('invoice-ar-long-line', invoice);
    expect(all).toContain(flat(description));
    const parts =
      read.pages[0]?.items.filter((item) => item.str.trim().length > 20 && description.includes(item.str.normalize('NFKC').trim())) ?? [];
    const rightEdges = new Map<number, number>();
    for (const part of parts) rightEdges.set(Math.round(part.y), Math.max(rightEdges.get(Math.round(part.y)) ?? 0, part.x + part.width));
    expect(rightEdges.size).toBeGreaterThan(1);
    const edges = [...rightEdges.values()];
    expect(Math.max(...edges) - Math.min(...edges)).toBeLessThan(1);
  });

  it('refuses an amount that is not a decimal, naming it', async () => {
    await expect(renderInvoicePdf(sampleInvoice('en', { total: '1,234.00' }))).rejects.toThrow('Not a decimal amount: "1,234.00"');
  });
});
