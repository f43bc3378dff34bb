/**
 * Dates, durations and money for a reader: their language and their time zone (not the server's,
 * not the agency's). Money arrives from the API as exact decimal strings and is handed to Intl as a
 * string, which formats it without going through a binary float.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

function parseDate(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "Mar 2, 2026, 12:30 AM" / "02.03.2026, 00:30". An unreadable value is shown as it came. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  const date = parseDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** The calendar day in the reader's time zone: "Mar 2, 2026". */
export function formatDate(iso: string, locale: string, timeZone: string): string {
  const date = parseDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}

/** Worked time as hours:minutes ("7:05"), the way timesheets read; digits follow the locale. */
export function formatHours(seconds: number, locale = 'en'): string {
  const totalMinutes = Math.round(Math.abs(seconds) / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const digits = (value: number, minimumIntegerDigits: number) =>
    new Intl.NumberFormat(locale, { minimumIntegerDigits, useGrouping: false }).format(value);
  return `${seconds < 0 && totalMinutes > 0 ? '-' : ''}${digits(hours, 1)}:${digits(minutes, 2)}`;
}

/** "123.45" + "EUR" -> "123,45 €" in German. A value that is not a plain decimal is shown as it came. */
export function formatMoney(decimal: string, currency: string, locale: string): string {
  const value = decimal.trim();
  if (!DECIMAL.test(value)) return decimal;
  try {
    // A string argument keeps every digit exact (Intl.NumberFormat v3).
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value as Intl.StringNumericLiteral);
  } catch {
    return `${value} ${currency}`; // an unknown currency code
  }
}

/** The reader's own time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
