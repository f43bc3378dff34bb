import { isLocale, matchLocale, pickLocale, textDirection } from './locales';

describe('matchLocale', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['de-AT', 'de'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['nn', 'nb'],
    ['ja-JP', 'ja'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh_HK', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['ar-EG', 'ar'],
  ])('%s -> %s', (tag, expected) => {
    expect(matchLocale(tag)).toBe(expected);
  });

  it.each(['zh-CN', 'zh-Hans', 'fr', '', 'xx-YY'])('%p is not served', (tag) => {
    expect(matchLocale(tag)).toBeNull();
  });
});

describe('pickLocale', () => {
  it('takes the first preference we speak', () => {
    expect(pickLocale(['fr-FR', 'zh-CN', 'de-CH', 'en'])).toBe('de');
  });

  it('falls back to English', () => {
    expect(pickLocale([])).toBe('en');
    expect(pickLocale(['fr'])).toBe('en');
  });
});

describe('textDirection / isLocale', () => {
  it('mirrors Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ja')).toBe('ltr');
  });

  it('knows the exact codes', () => {
    expect(isLocale('zh-Hant')).toBe(true);
    expect(isLocale('zh-hant')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
