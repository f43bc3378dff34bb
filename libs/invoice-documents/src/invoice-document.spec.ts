import { invoiceLocale } from './invoice-document';

describe('invoiceLocale', () => {
  it.each([
    ['ar', 'ar'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh_HK', 'zh-Hant'],
    ['zh-CN', 'en'],
    ['de-AT', 'de'],
    ['ja-JP', 'ja'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['fr', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('writes for %p in %p', (tag, locale) => {
    expect(invoiceLocale(tag)).toBe(locale);
  });
});
