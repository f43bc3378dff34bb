import { faceFor } from './fonts';
import { INVOICE_LOCALES } from './invoice-document';
import { LABELS } from './labels';
import { sampleInvoice } from './sample-invoices';

const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

describe('faceFor', () => {
  it.each(INVOICE_LOCALES)('finds a glyph for every character of the %s catalog and sample (no tofu)', (locale) => {
    const text = [...strings(LABELS[locale]), ...strings({ ...sampleInvoice(locale), agency: null })].join('');
    const missing = [...new Set(text)].filter(
      (char) => /\S/u.test(char) && !faceFor(locale, 'regular', char.codePointAt(0) ?? 0).has(char.codePointAt(0) ?? 0),
    );
    expect(missing).toEqual([]);
  });

  it('takes the reader’s CJK forms and Latin from Noto Sans', () => {
    expect(faceFor('ja', 'regular', '請'.codePointAt(0) ?? 0).name).toBe('japanese-regular');
    expect(faceFor('zh-Hant', 'bold', '發'.codePointAt(0) ?? 0).name).toBe('chinese-bold');
    expect(faceFor('ar', 'regular', 'A'.codePointAt(0) ?? 0).name).toBe('latin-regular');
    expect(faceFor('en', 'regular', 'ف'.codePointAt(0) ?? 0).name).toBe('arabic-regular');
  });
});
