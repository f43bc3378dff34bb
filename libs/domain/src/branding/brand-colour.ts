import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** WCAG 2.x AA for normal text: links and button labels in the brand colour need this much. */
export const BRAND_MIN_CONTRAST = 4.5;
/** What the portal, the reports and the emails wear when a workspace has set no colour. */
export const DEFAULT_BRAND_COLOR = '#2f5d50';
/** The page background every brand colour is measured against. */
export const BRAND_BACKGROUND = '#ffffff';
/** The label colour on a button filled with the brand colour. */
export const BRAND_BUTTON_TEXT = '#ffffff';
/** Six-digit hex, the one form the API stores. */
export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export interface ContrastVerdict {
  ok: boolean;
  /** The lower of the two ratios (against the background, against the button label), floored to 2 decimals. */
  ratio: number;
  /** A darker shade of the same hue that passes; null when the colour passes or cannot be read. */
  suggestion: string | null;
}

const lowest = (hex: string): number => Math.min(colord(hex).contrast(BRAND_BACKGROUND), colord(hex).contrast(BRAND_BUTTON_TEXT));

/**
 * Whether a brand colour keeps AA contrast on the white page (links, focus rings) and under the white
 * label of a brand-filled button; a failing colour comes with the nearest darker shade of its hue that passes.
 */
export function checkBrandColor(hex: string): ContrastVerdict {
  if (!BRAND_COLOR_PATTERN.test(hex)) return { ok: false, ratio: 0, suggestion: null };
  const ratio = lowest(hex);
  if (ratio >= BRAND_MIN_CONTRAST) return { ok: true, ratio, suggestion: null };
  let shade = colord(hex);
  // Each step takes 1% of lightness off, hue and saturation kept: at most 100 steps reach black, which passes.
  for (let step = 0; step < 100 && shade.contrast(BRAND_BACKGROUND) < BRAND_MIN_CONTRAST; step++) shade = shade.darken(0.01);
  return { ok: false, ratio, suggestion: shade.toHex() };
}

/** The refusal in plain English, naming the measured ratio and the suggested shade. */
export function brandColorRefusal(hex: string, verdict: ContrastVerdict): string {
  return (
    `The colour ${hex} has a contrast of ${verdict.ratio.toFixed(2)}:1 against white; it needs at least ${BRAND_MIN_CONTRAST}:1.` +
    (verdict.suggestion ? ` Try ${verdict.suggestion}.` : '')
  );
}
