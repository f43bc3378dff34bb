import { stringify } from 'csv-stringify/sync';
import type { WorkLogResponse } from '../work-logs/dto/work-log.response';
import type { TimesheetResponse, TimesheetTotalsResponse } from './dto/timesheet.response';

/** A spreadsheet would run a cell that starts like a formula; free text is defused with a leading apostrophe. */
const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** One formatter per time zone: building one per row costs more than the row itself. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-23 08:00" in the given time zone. */
export function localDateTime(date: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

const HEADER = ['date', 'start', 'end', 'hours', 'billable', 'rate', 'amount', 'currency', 'source', 'status', 'assistant', 'notes'];

/** The CSV's first line. */
export const csvHeader = (): string => stringify([HEADER]);

/** One line per entry; an entry that names no assistant (a fix of our error, for a client) names the team. */
export function csvLines(entries: WorkLogResponse[], timeZone: string, teamName: string): string {
  return stringify(
    entries.map((e) => {
      const start = localDateTime(new Date(e.startedAt), timeZone);
      return [
        start.slice(0, 10),
        start.slice(11),
        e.endedAt ? localDateTime(new Date(e.endedAt), timeZone).slice(11) : '',
        e.hours,
        e.billable ? 'yes' : 'no',
        e.hourlyRate,
        e.amount,
        e.currency,
        e.fixedAtNoCharge ? 'fix at no charge' : e.source,
        e.status,
        defuse(e.assistant?.displayName ?? teamName),
        defuse(e.notes),
      ];
    }),
  );
}

/** A blank line, then the totals (the same figures as the JSON) and the time zone every date and time above is in. */
export function csvTotals(t: TimesheetTotalsResponse, currency: string, timeZone: string): string {
  return stringify([
    [],
    ['time zone', timeZone],
    ['total hours', t.totalHours],
    ['billable hours', t.billableHours],
    ['non-billable hours', t.nonBillableHours],
    ['fixed at no charge (hours)', t.fixedAtNoChargeHours],
    ['billable amount', t.billableAmount, currency],
  ]);
}

/** The whole timesheet as CSV in one string (for timesheets already in memory, like a shared report). */
export function timesheetCsv(sheet: TimesheetResponse): string {
  return (
    csvHeader() +
    csvLines(sheet.entries, sheet.period.timeZone, sheet.tenantName) +
    csvTotals(sheet.totals, sheet.engagement.currency, sheet.period.timeZone)
  );
}
