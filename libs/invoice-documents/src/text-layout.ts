import bidiFactory from 'bidi-js';
import { faceFor, type Face, type Weight } from './fonts';
import type { InvoiceLocale } from './invoice-document';

const bidi = bidiFactory();

export interface TextStyle {
  size: number;
  weight?: Weight;
  color?: string;
}

/** Where a line sits in its box, in the reading direction: `start` is the left in English and the right in Arabic. */
export type Align = 'start' | 'end' | 'center';

/** A stretch of one line in one face, its characters as pdfkit must receive them. */
interface Run {
  face: Face;
  text: string;
  width: number;
}

const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const FIRST_STRONG = /[^\p{Script=Common}\p{Script=Inherited}]/u;
const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
// pdfkit shapes a string word by word (and caches each word) unless features are given; an empty list keeps the
// font's default shaping features and shapes the whole run, so Arabic joins and keeps its word order.
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[] };
const LINE_HEIGHT = 1.45;
// Marks that steer the bidi algorithm (and that Intl puts into Arabic dates and amounts) but have no glyph to draw.
const BIDI_CONTROL = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;

/** Keeps a value (a number, an e-mail, a name) in one piece inside text of the other direction. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/**
 * fontkit reverses the glyphs of a run whose first letter is in a right-to-left script; such a run is handed over in
 * logical order (the reverse of its visual order), so fontkit joins the letters and puts them back in visual order.
 */
const fontkitReverses = (text: string): boolean => RIGHT_TO_LEFT_SCRIPT.test(FIRST_STRONG.exec(text)?.[0] ?? '');

/**
 * Writes text of any script on a pdfkit page: each line laid out by the Unicode bidirectional algorithm (bidi-js)
 * in the document's direction, each character in the first font that has it, Arabic shaped by fontkit.
 */
export class TextLayout {
  readonly rtl: boolean;
  private readonly registered = new Set<string>();
  private readonly segmenter: Intl.Segmenter;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly locale: InvoiceLocale,
  ) {
    this.rtl = locale === 'ar';
    this.segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  }

  /** The height `draw` takes for this text in this width. */
  height(text: string, width: number, style: TextStyle): number {
    return this.wrap(text, width, style).length * style.size * LINE_HEIGHT;
  }

  /** A paragraph's direction: that of its first strong letter outside isolates (UAX #9 P2), else the document's. */
  private direction(paragraph: string): 'ltr' | 'rtl' {
    let depth = 0;
    for (const char of paragraph) {
      const type = bidi.getBidiCharTypeName(char);
      if (type === 'LRI' || type === 'RLI' || type === 'FSI') depth++;
      else if (type === 'PDI') depth = Math.max(0, depth - 1);
      else if (depth === 0 && type === 'L') return 'ltr';
      else if (depth === 0 && (type === 'R' || type === 'AL')) return 'rtl';
    }
    return this.rtl ? 'rtl' : 'ltr';
  }

  /** Draws the text wrapped to the width, from the top `y`; returns the height it took. */
  draw(text: string, x: number, y: number, width: number, style: TextStyle, align: Align = 'start'): number {
    const lines = this.wrap(text, width, style);
    const lineHeight = style.size * LINE_HEIGHT;
    lines.forEach(({ line, direction }, i) => {
      const runs = this.runs(line, style, direction);
      const used = runs.reduce((sum, run) => sum + run.width, 0);
      const side = align === 'center' ? 'center' : (align === 'start') !== this.rtl ? 'left' : 'right';
      let at = side === 'left' ? x : side === 'right' ? x + width - used : x + (width - used) / 2;
      const baseline = y + i * lineHeight + style.size * 1.1;
      for (const run of runs) {
        this.use(run.face, style);
        this.doc
          .fillColor(style.color ?? '#111111')
          .text(run.text, at, baseline, { ...WHOLE_RUN, lineBreak: false, baseline: 'alphabetic' });
        at += run.width;
      }
    });
    return lines.length * lineHeight;
  }

  /** The width of one line of text. */
  width(text: string, style: TextStyle, direction = this.direction(text)): number {
    return this.runs(text, style, direction).reduce((sum, run) => sum + run.width, 0);
  }

  /** Lines no wider than `width`: broken at the language's word boundaries (Intl.Segmenter), a long word by grapheme. */
  private wrap(text: string, width: number, style: TextStyle): { line: string; direction: 'ltr' | 'rtl' }[] {
    const lines: { line: string; direction: 'ltr' | 'rtl' }[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      const direction = this.direction(paragraph);
      const fits = (candidate: string) => this.width(candidate, style, direction) <= width;
      let line = '';
      for (const { segment } of this.segmenter.segment(paragraph)) {
        if (fits(line + segment)) {
          line += segment;
          continue;
        }
        if (line.trim()) lines.push({ line: line.trimEnd(), direction });
        line = segment.trimStart();
        while (line && !fits(line)) {
          const [head, rest] = this.split(line, fits);
          lines.push({ line: head, direction });
          line = rest;
        }
      }
      lines.push({ line: line.trimEnd(), direction });
    }
    return lines;
  }

  /** The longest head of a word that fits (at least one grapheme), and the rest. */
  private split(word: string, fits: (candidate: string) => boolean): [string, string] {
    const graphemes = [...new Intl.Segmenter(this.locale, { granularity: 'grapheme' }).segment(word)].map((g) => g.segment);
    let head = graphemes[0] ?? '';
    for (const g of graphemes.slice(1)) {
      if (!fits(head + g)) break;
      head += g;
    }
    return [head, word.slice(head.length)];
  }

  /** One line in visual order, cut into runs of one face each. */
  private runs(line: string, style: TextStyle, direction: 'ltr' | 'rtl'): Run[] {
    if (!line) return [];
    const levels = bidi.getEmbeddingLevels(line, direction);
    const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
    const faces = this.facesOf(line, style.weight ?? 'regular');
    const groups: { face: Face; chars: string[] }[] = [];
    for (const index of bidi.getReorderedIndices(line, levels)) {
      const face = faces[index];
      const char = mirrored.get(index) ?? line.charAt(index);
      if (BIDI_CONTROL.test(char)) continue;
      const last = groups[groups.length - 1];
      if (last?.face === face) last.chars.push(char);
      else groups.push({ face, chars: [char] });
    }
    return groups.map(({ face, chars }) => {
      const visual = chars.join('');
      const text = fontkitReverses(visual) ? [...visual].reverse().join('') : visual;
      this.use(face, style);
      return { face, text, width: this.doc.widthOfString(text, WHOLE_RUN) };
    });
  }

  /** Per UTF-16 index, the face its character is drawn in; spaces, digits and punctuation stay in their neighbour's face. */
  private facesOf(line: string, weight: Weight): Face[] {
    const faces: Face[] = [];
    let current: Face | undefined;
    for (let i = 0; i < line.length; i++) {
      const codePoint = line.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(codePoint);
      if (!(current && NEUTRAL.test(char) && current.has(codePoint))) current = faceFor(this.locale, weight, codePoint);
      faces.push(current);
      if (codePoint > 0xffff) {
        faces.push(current); // the low surrogate goes with its pair
        i++;
      }
    }
    return faces;
  }

  private use(face: Face, style: TextStyle): void {
    if (!this.registered.has(face.name)) {
      this.doc.registerFont(face.name, face.bytes);
      this.registered.add(face.name);
    }
    this.doc.font(face.name).fontSize(style.size);
  }
}
