import type { i18n } from 'i18next';

/** What a formatter is handed besides the value: the t() options, which carry the reader's zone. */
interface FormatOptions {
  timeZone?: string;
  currency?: string;
}

const LEGACY_UTC = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}) UTC$/;
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A moment from a payload: an ISO timestamp, a Date, or the older "2026-11-28 12:00 UTC" form. */
export function toInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !value) return null;
  const legacy = LEGACY_UTC.exec(value);
  const date = new Date(legacy ? `${legacy[1]}T${legacy[2]}:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const zoneOf = (options: FormatOptions): string => options.timeZone || 'UTC';

/** A value no format applies to, as written: nothing for a missing one, JSON (not "[object Object]") for an object. */
export const shown = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
    ? String(value)
    : value == null
      ? ''
      : (JSON.stringify(value) ?? '');

/**
 * The formats the catalogs use, all through Intl with the reader's locale:
 * - `{{at, when}}`: date and time in the reader's time zone, the zone named ("28 Nov 2026, 21:00 GMT+9");
 * - `{{at, date}}`: the date alone in the reader's zone, for deadlines by the day;
 * - `{{day, day}}`: a calendar day such as a week's start, which has no zone;
 * - `{{value, money}}`: an amount in the payload's `currency`;
 * - `{{hours, decimal}}`: a number with up to two decimals.
 */
export function addFormatters(instance: i18n): void {
  const formatter = instance.services.formatter;
  if (!formatter) throw new Error('i18next has no formatter');
  formatter.add('when', (value: unknown, lng: string | undefined, options: FormatOptions) => {
    const at = toInstant(value);
    if (!at) return shown(value);
    return new Intl.DateTimeFormat(lng, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: zoneOf(options),
      timeZoneName: 'short',
    }).format(at);
  });
  formatter.add('date', (value: unknown, lng: string | undefined, options: FormatOptions) => {
    const at = toInstant(value);
    return at ? new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: zoneOf(options) }).format(at) : shown(value);
  });
  formatter.add('day', (value: unknown, lng: string | undefined) => {
    if (typeof value !== 'string' || !CALENDAR_DAY.test(value)) return shown(value);
    return new Intl.DateTimeFormat(lng, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`));
  });
  formatter.add('money', (value: unknown, lng: string | undefined, options: FormatOptions) => {
    const amount = Number(value);
    if (value === null || value === undefined || value === '' || Number.isNaN(amount)) return shown(value);
    if (!options.currency) return new Intl.NumberFormat(lng, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
    return new Intl.NumberFormat(lng, { style: 'currency', currency: options.currency }).format(amount);
  });
  formatter.add('decimal', (value: unknown, lng: string | undefined) => {
    const n = Number(value);
    if (value === null || value === undefined || value === '' || Number.isNaN(n)) return shown(value);
    return new Intl.NumberFormat(lng, { maximumFractionDigits: 2 }).format(n);
  });
}
