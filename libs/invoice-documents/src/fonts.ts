import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { InvoiceLocale } from './invoice-document';

/** The Noto families the documents print with, each from an npm package (no system fonts, no download). */
type Family = 'latin' | 'arabic' | 'japanese' | 'chinese';
export type Weight = 'regular' | 'bold';

const FILES: Record<Family, { pkg: string; regular: string; bold: string }> = {
  latin: { pkg: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  arabic: { pkg: '@embedpdf/fonts-arabic', regular: 'NotoNaskhArabic-Regular.ttf', bold: 'NotoNaskhArabic-Bold.ttf' },
  japanese: { pkg: '@embedpdf/fonts-jp', regular: 'NotoSansJP-Regular.otf', bold: 'NotoSansJP-Bold.otf' },
  chinese: { pkg: '@embedpdf/fonts-tc', regular: 'NotoSansHant-Regular.otf', bold: 'NotoSansHant-Bold.otf' },
};

/**
 * Which family comes first for each language: a character goes to the first family that has a glyph for it, so
 * Latin words in an Arabic invoice use Noto Sans, and kanji shared by Japanese and Chinese take the reader's forms.
 */
const ORDER: Record<InvoiceLocale, Family[]> = {
  en: ['latin', 'arabic', 'japanese', 'chinese'],
  de: ['latin', 'arabic', 'japanese', 'chinese'],
  nb: ['latin', 'arabic', 'japanese', 'chinese'],
  ja: ['japanese', 'latin', 'arabic', 'chinese'],
  'zh-Hant': ['chinese', 'latin', 'arabic', 'japanese'],
  ar: ['arabic', 'latin', 'japanese', 'chinese'],
};

/** One face: the name pdfkit knows it by, its bytes, and fontkit's reading of it to ask which characters it has. */
export interface Face {
  name: string;
  bytes: Buffer;
  has(codePoint: number): boolean;
}

const loaded = new Map<string, Face>();

/** The packages export only their index; the font files sit in `fonts/` beside its `dist/`. */
function fontPath(pkg: string, file: string): string {
  return join(dirname(require.resolve(pkg)), '..', 'fonts', file);
}

function face(family: Family, weight: Weight): Face {
  const name = `${family}-${weight}`;
  let found = loaded.get(name);
  if (!found) {
    const bytes = readFileSync(fontPath(FILES[family].pkg, FILES[family][weight]));
    const font = fontkit.create(bytes);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${name} is a font collection`);
    found = { name, bytes, has: (codePoint) => font.hasGlyphForCodePoint(codePoint) };
    loaded.set(name, found);
  }
  return found;
}

/**
 * The face for a character: the first family of the language's order that has its glyph (a family is read from disk
 * the first time a character needs it, so an English invoice never loads the CJK fonts), else the language's first.
 */
export function faceFor(locale: InvoiceLocale, weight: Weight, codePoint: number): Face {
  for (const family of ORDER[locale]) {
    const candidate = face(family, weight);
    if (candidate.has(codePoint)) return candidate;
  }
  return face(ORDER[locale][0] ?? 'latin', weight);
}
