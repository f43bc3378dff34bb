import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatCalendarDay,
  formatDate,
  formatDateTime,
  formatElapsed,
  formatHours,
  formatMoney,
  formatTime,
  formatWeekday,
  formatWeekRange,
  viewerTimeZone,
} from '../format';

/**
 * The formatters bound to the reader's language and time zone, or to `zone` where a page shows
 * times in another one (a timesheet is in the agency's time zone, like its exports, and says so).
 */
export function useFormat(zone?: string) {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const timeZone = zone ?? viewerTimeZone();
    return {
      locale,
      dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
      date: (iso: string) => formatDate(iso, locale, timeZone),
      time: (iso: string) => formatTime(iso, locale, timeZone),
      weekday: (iso: string) => formatWeekday(iso, locale, timeZone),
      /** A calendar date such as a week start or a deadline ("2026-11-16"). */
      day: (day: string) => formatCalendarDay(day, locale),
      weekRange: (weekStart: string) => formatWeekRange(weekStart, locale),
      /** Worked time from seconds, "1:30". */
      hours: (seconds: number) => formatHours(seconds, locale),
      /** Worked time from the API's decimal hours ("1.50"), "1:30". */
      decimalHours: (hours: string) => formatHours(Math.round(Number(hours) * 3600), locale),
      elapsed: (seconds: number) => formatElapsed(seconds, locale),
      money: (decimal: string, currency: string) => formatMoney(decimal, currency, locale),
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
    };
  }, [locale, zone]);
}
