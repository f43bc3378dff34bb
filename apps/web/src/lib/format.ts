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

/** A running timer's elapsed time, "0:05:09" / "1:02:03", digits following the locale. */
export function formatElapsed(seconds: number, locale = 'en'): string {
  const total = Math.max(0, Math.floor(seconds));
  const digits = (value: number, minimumIntegerDigits: number) =>
    new Intl.NumberFormat(locale, { minimumIntegerDigits, useGrouping: false }).format(value);
  return `${digits(Math.floor(total / 3600), 1)}:${digits(Math.floor(total / 60) % 60, 2)}:${digits(total % 60, 2)}`;
}

/** The time of day in the reader's time zone: "9:30 AM" / "09:30". */
export function formatTime(iso: string, locale: string, timeZone: string): string {
  const date = parseDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(date);
}

/** The weekday and date in the reader's time zone: "Mon, Nov 23". */
export function formatWeekday(iso: string, locale: string, timeZone: string): string {
  const date = parseDate(iso);
  if (!date) return iso;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', timeZone }).format(date);
}

const calendarDay = (day: string) => new Date(`${day}T12:00:00Z`);

/** A calendar date that names a day, not a moment ("2026-11-16"): the same day for every reader. */
export function formatCalendarDay(day: string, locale: string): string {
  const date = calendarDay(day);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The week that starts on a Monday ("2026-11-16"), as a range: "Nov 16 – 22, 2026". */
export function formatWeekRange(weekStart: string, locale: string): string {
  const start = calendarDay(weekStart);
  if (Number.isNaN(start.getTime())) return weekStart;
  const end = calendarDay(addDays(weekStart, 6));
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatRange(start, end);
}

/** "2026-11-16" plus some days, as a calendar date. */
export function addDays(day: string, days: number): string {
  const date = calendarDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The Monday of the week a moment falls in, as a calendar date in the given time zone: weeks are cut in
 * the agency's time zone, which need not be the reader's.
 */
export function mondayOf(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' })
    .formatToParts(moment)
    .reduce<Record<string, string>>((out, part) => ({ ...out, [part.type]: part.value }), {});
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday'] ?? 'Mon');
  return addDays(`${parts['year']}-${parts['month']}-${parts['day']}`, -Math.max(0, weekday));
}

/** A moment as the value of an <input type="datetime-local"> in the browser's time zone: "2026-11-23T09:30". */
export function toLocalInput(moment: Date): string {
  const local = new Date(moment.getTime() - moment.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
