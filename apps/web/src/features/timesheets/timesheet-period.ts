import type { TimesheetPeriod } from './timesheet-endpoints';
import { addDays, mondayOf } from '../../lib/format';

export type PeriodKind = TimesheetPeriod['period'];

/** The period a timesheet opens on: this week or this month, in the agency's time zone. */
export function currentPeriod(kind: PeriodKind, timeZone: string, now = new Date()): TimesheetPeriod {
  const monday = mondayOf(now, timeZone);
  if (kind === 'week') return { period: 'week', start: monday };
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return { period: 'month', start: `${today.slice(0, 7)}-01` };
}

/** The period before (-1) or after (+1). */
export function shiftPeriod(current: TimesheetPeriod, step: -1 | 1): TimesheetPeriod {
  if (current.period === 'week') return { period: 'week', start: addDays(current.start, 7 * step) };
  const [year, month] = current.start.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(year, month - 1 + step, 1));
  return { period: 'month', start: next.toISOString().slice(0, 10) };
}

/** A period read from the address, or null when it is missing or malformed. */
export function parsePeriod(period: string | null, start: string | null): TimesheetPeriod | null {
  if ((period !== 'week' && period !== 'month') || !start || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return null;
  return { period, start };
}
