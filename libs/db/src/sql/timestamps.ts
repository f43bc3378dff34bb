import { types } from 'pg';

const TIMESTAMPTZ = types.builtins.TIMESTAMPTZ;
/** Seconds in an offset's hours, minutes and seconds. */
const OFFSET_UNITS = [3600, 60, 1] as const;
const ZERO = 48;

const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= ZERO && c <= ZERO + 9;
};
const digits = (text: string, from: number, to: number) => {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - ZERO;
  return value;
};

/** Where `YYYY-MM-DD HH:MM:SS` holds digits, and its separators. */
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const SEPARATORS: [number, string][] = [
  [4, '-'],
  [7, '-'],
  [10, ' '],
  [13, ':'],
  [16, ':'],
];

/**
 * A timestamptz as PostgreSQL writes it (DateStyle ISO): `2026-11-30 09:15:00.123456+00`, the offset
 * `±HH`, `±HH:MM` or `±HH:MM:SS`. Read from the characters, without the three regular expressions and
 * the parseFloat of node-postgres's general parser (a page of 50 work logs holds 250 of them). Null
 * for anything else (BC, infinity, a year before 100), which that parser then reads.
 */
export function parseTimestamptz(text: string): Date | null {
  const n = text.length;
  if (n < 22 || n > 35) return null;
  for (const [at, separator] of SEPARATORS) if (text[at] !== separator) return null;
  for (const at of DIGIT_AT) if (!isDigit(text, at)) return null;
  const year = digits(text, 0, 4);
  if (year < 100) return null;
  let i = 19;
  let ms = 0;
  if (text[i] === '.') {
    const start = ++i;
    while (i < n && isDigit(text, i)) i++;
    if (i === start) return null;
    // Milliseconds, the microseconds cut off (as Date.UTC would cut node-postgres's 123.456).
    ms = digits(text, start, Math.min(i, start + 3)) * 10 ** Math.max(0, 3 - (i - start));
  }
  const sign = text[i] === '+' ? 1 : text[i] === '-' ? -1 : 0;
  if (!sign) return null;
  let offset = 0;
  for (let part = 0, at = i + 1; part < 3 && at < n; part++, at += 3) {
    if (part > 0 && text[at - 1] !== ':') return null;
    if (!isDigit(text, at) || !isDigit(text, at + 1) || (at + 2 < n && text[at + 2] !== ':')) return null;
    offset += digits(text, at, at + 2) * (OFFSET_UNITS[part] ?? 0);
    if (at + 2 === n) {
      const utc = Date.UTC(
        year,
        digits(text, 5, 7) - 1,
        digits(text, 8, 10),
        digits(text, 11, 13),
        digits(text, 14, 16),
        digits(text, 17, 19),
        ms,
      );
      return new Date(utc - sign * offset * 1000);
    }
  }
  return null;
}

/** Marks the installed parser, so installing twice keeps one. */
const FAST = Symbol('fastTimestamps');

/**
 * Reads timestamptz columns with parseTimestamptz, falling back to node-postgres's own parser for any
 * other shape. Process-wide (node-postgres keeps one table of type parsers); the same Dates either way.
 */
export function useFastTimestamps(): void {
  const general = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;
  if (FAST in general) return;
  const parse = Object.assign((text: string) => parseTimestamptz(text) ?? general(text), { [FAST]: true });
  types.setTypeParser(TIMESTAMPTZ, parse);
}
