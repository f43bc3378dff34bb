import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';

extend([a11yPlugin]);

/** WCAG 2.x AA for normal text: links and button labels in the brand colour need this much. */
export const BRAND_MIN_CONTRAST = 4.5;
/** What the portal and the reports wear when a workspace has set no colour (the portal's own accent). */
export const DEFAULT_BRAND_COLOR = '#1f5f5b';
/** The backgrounds brand-coloured links and focus rings sit on: cards and reports (white), the portal's page. */
export const BRAND_BACKGROUNDS = ['#ffffff', '#f6f5f2'];
/** The label colour on a button filled with the brand colour. */
export const BRAND_BUTTON_TEXT = '#ffffff';
/** Six-digit hex, the one form the API stores. */
export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export interface ContrastVerdict {
  ok: boolean;
  /** The lowest ratio (against each background, against the button label), floored to 2 decimals. */
  ratio: number;
  /** A darker shade of the same hue that passes; null when the colour passes or cannot be read. */
  suggestion: string | null;
}

const lowest = (hex: string): number => Math.min(...[...BRAND_BACKGROUNDS, BRAND_BUTTON_TEXT].map((c) => colord(hex).contrast(c)));

/**
 * Whether a brand colour keeps AA contrast on the light backgrounds (links, focus rings) and under the white
 * label of a brand-filled button; a failing colour comes with the nearest darker shade of its hue that passes.
 */
export function checkBrandColor(hex: string): ContrastVerdict {
  if (!BRAND_COLOR_PATTERN.test(hex)) return { ok: false, ratio: 0, suggestion: null };
  const ratio = lowest(hex);
  if (ratio >= BRAND_MIN_CONTRAST) return { ok: true, ratio, suggestion: null };
  let shade = colord(hex);
  // Each step takes 1% of lightness off, hue and saturation kept: at most 100 steps reach black, which passes.
  for (let step = 0; step < 100 && lowest(shade.toHex()) < BRAND_MIN_CONTRAST; step++) shade = shade.darken(0.01);
  return { ok: false, ratio, suggestion: shade.toHex() };
}

/** The refusal in plain English, naming the measured ratio and the suggested shade. */
export function brandColorRefusal(hex: string, verdict: ContrastVerdict): string {
  return (
    `The colour ${hex} has a contrast of ${verdict.ratio.toFixed(2)}:1 against the page background; it needs at least ${BRAND_MIN_CONTRAST}:1.` +
    (verdict.suggestion ? ` Try ${verdict.suggestion}.` : '')
  );
}
