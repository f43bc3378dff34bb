import { stringify } from 'csv-stringify/sync';
import type { TimesheetResponse } from './dto/timesheet.response';

/** A spreadsheet would run a cell that starts like a formula; free text is defused with a leading apostrophe. */
const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** "2026-11-23 08:00" in the given time zone. */
export function localDateTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

/** The timesheet as CSV: one line per entry, then the totals (the same figures as the JSON). */
export function timesheetCsv(sheet: TimesheetResponse): string {
  const zone = sheet.period.timeZone;
  const header = ['date', 'start', 'end', 'hours', 'billable', 'rate', 'amount', 'currency', 'source', 'status', 'assistant', 'notes'];
  const lines = sheet.entries.map((e) => {
    const start = localDateTime(new Date(e.startedAt), zone);
    return [
      start.slice(0, 10),
      start.slice(11),
      e.endedAt ? localDateTime(new Date(e.endedAt), zone).slice(11) : '',
      e.hours,
      e.billable ? 'yes' : 'no',
      e.hourlyRate,
      e.amount,
      e.currency,
      e.fixedAtNoCharge ? 'fix at no charge' : e.source,
      e.status,
      defuse(e.assistant?.displayName ?? sheet.tenantName),
      defuse(e.notes),
    ];
  });
  const t = sheet.totals;
  const totals = [
    ['total hours', t.totalHours],
    ['billable hours', t.billableHours],
    ['non-billable hours', t.nonBillableHours],
    ['fixed at no charge (hours)', t.fixedAtNoChargeHours],
    ['billable amount', t.billableAmount, sheet.engagement.currency],
  ];
  return stringify([header, ...lines, [], ...totals]);
}
