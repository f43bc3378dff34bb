import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LOCALE, isLocale, LOCALES, matchLocale, pickLocale, textDirection, type Locale } from './locales';

/** The language last chosen on this device (or adopted from a profile), kept across visits and sign-outs. */
const CHOSEN_LOCALE_KEY = 'candor.locale';

// One chunk per language: a reader downloads only the catalog they read (and English as fallback).
const catalogs: Record<Locale, () => Promise<{ default: ResourceKey }>> = {
  en: () => import('./catalogs/en.json'),
  de: () => import('./catalogs/de.json'),
  nb: () => import('./catalogs/nb.json'),
  ja: () => import('./catalogs/ja.json'),
  'zh-Hant': () => import('./catalogs/zh-Hant.json'),
  ar: () => import('./catalogs/ar.json'),
};

const lazyCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLocale(language)) {
      callback(null, {});
      return;
    }
    catalogs[language]().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

function storedChoice(): Locale | null {
  try {
    const value = localStorage.getItem(CHOSEN_LOCALE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** The language of <html> drives fonts, hyphenation and screen readers; its direction mirrors the layout. */
function applyToDocument(language: string) {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  document.documentElement.lang = locale;
  document.documentElement.dir = textDirection(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

/** Loads the reader's catalog before the first render, so no screen flashes in the wrong language. */
export async function startI18n(): Promise<void> {
  i18next.on('languageChanged', applyToDocument);
  await i18next
    .use(lazyCatalogs)
    .use(initReactI18next)
    .init({
      lng: storedChoice() ?? pickLocale(navigator.languages),
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...LOCALES],
      load: 'currentOnly',
      interpolation: { escapeValue: false }, // React escapes
      react: { useSuspense: false },
      showSupportNotice: false,
    });
  applyToDocument(i18next.language);
}

function remember(locale: Locale) {
  try {
    localStorage.setItem(CHOSEN_LOCALE_KEY, locale);
  } catch {
    // not persisted: the choice still holds for this visit
  }
}

/** The visitor picked a language: remember it on this device and switch. */
export async function chooseLocale(locale: Locale): Promise<void> {
  remember(locale);
  await i18next.changeLanguage(locale);
}

/**
 * A signed-in user's profile language wins over this device's earlier choice: it is what they
 * chose last (signed-in choices are saved to the profile) and what their emails use.
 */
export async function adoptProfileLocale(tag: string): Promise<void> {
  const locale = matchLocale(tag);
  if (!locale) return;
  remember(locale);
  if (locale !== currentLocale()) await i18next.changeLanguage(locale);
}
