import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCALES, type Locale } from './locales';

type Catalog = { [key: string]: string | Catalog };

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function load(locale: Locale): Catalog {
  return JSON.parse(readFileSync(join(__dirname, 'catalogs', `${locale}.json`), 'utf8')) as Catalog;
}

function flatten(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [nested, text] of flatten(value, path)) out.set(nested, text);
  }
  return out;
}

/** Keys with plural forms collapsed to their base, so languages with other plural rules compare equal. */
function baseKeys(entries: Map<string, string>): Set<string> {
  return new Set([...entries.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}|<(\w+)>/g)].map((match) => match[0]).sort();

const english = flatten(load('en'));

describe.each(LOCALES.filter((locale) => locale !== 'en'))('the %s catalog', (locale) => {
  const entries = flatten(load(locale));

  it('has every English key and no others', () => {
    expect([...baseKeys(entries)].sort()).toEqual([...baseKeys(english)].sort());
  });

  it('has exactly the plural forms the language uses', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const plurals = [...english.keys()].filter((key) => key.endsWith('_other')).map((key) => key.replace(PLURAL_SUFFIX, ''));
    for (const base of plurals) {
      const forms = [...entries.keys()].filter((key) => key.replace(PLURAL_SUFFIX, '') === base && PLURAL_SUFFIX.test(key));
      expect(forms.map((key) => PLURAL_SUFFIX.exec(key)?.[1]).sort()).toEqual([...categories].sort());
    }
  });

  it('keeps the placeholders and markup of each English text', () => {
    for (const [key, text] of entries) {
      const englishText = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other'));
      expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: placeholders(englishText ?? '') });
    }
  });

  it('is translated, not copied', () => {
    const copied = [...entries].filter(([key, text]) => english.get(key) === text && /[a-z]{4,}/i.test(text));
    // Words that are the same in both languages are fine in small numbers ("Team", "Name").
    expect(copied.length).toBeLessThan(entries.size * 0.05);
  });
});
