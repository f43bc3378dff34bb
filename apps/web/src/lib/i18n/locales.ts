/** The languages the web app speaks. Codes follow BCP 47 as the API stores them on profiles. */
export const LOCALES = ['en', 'de', 'nb', 'ja', 'zh-Hant', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language named in itself, so a reader finds their own even when the page is in another. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  de: 'Deutsch',
  nb: 'Norsk bokmål',
  ja: '日本語',
  'zh-Hant': '繁體中文',
  ar: 'العربية',
};

const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

// Traditional Chinese is what Taiwan, Hong Kong and Macau read; Simplified regions are not served yet.
const TRADITIONAL_CHINESE_REGIONS = new Set(['tw', 'hk', 'mo']);

/** One language tag (from a profile or the browser) to a locale we have, or null. */
export function matchLocale(tag: string): Locale | null {
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const [language, ...rest] = parts;
  switch (language) {
    case 'en':
    case 'de':
    case 'ja':
    case 'ar':
      return language;
    // Norwegian: "no" is the macrolanguage most browsers send; Nynorsk readers read Bokmål too.
    case 'nb':
    case 'no':
    case 'nn':
      return 'nb';
    case 'zh':
      return rest.includes('hant') || rest.some((part) => TRADITIONAL_CHINESE_REGIONS.has(part)) ? 'zh-Hant' : null;
    default:
      return null;
  }
}

/** The first of the visitor's preferred languages that we speak, else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
