import { stringify } from 'csv-stringify/sync';
import { amountFor, hoursFor } from '@candor/domain';
import type { Audience } from '../../common/client-view';
import type { WorkLogResponse } from '../work-logs/dto/work-log.response';
import { countedSeconds } from '../work-logs/work-log.presenter';
import type { TimesheetLineRow } from '../work-logs/work-logs.repository';
import type { TimesheetTotals } from './timesheet-totals';
import type { TimesheetResponse, TimesheetTotalsResponse } from './dto/timesheet.response';

/** A spreadsheet would run a cell that starts like a formula; free text is defused with a leading apostrophe. */
const defuse = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/** One formatter per time zone: building one per row costs more than the row itself. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
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
  return format;
}

/** "2026-11-23 08:00" in the given time zone, by the time zone database (formatToParts). */
function zonedDateTime(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

const QUARTER_HOUR = 15 * 60_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The zone's offset from UTC in ms at `ms` (whole minutes), read from the formatted local time. */
function offsetAt(ms: number, timeZone: string): number {
  const local = zonedDateTime(new Date(ms), timeZone);
  const asUtc = Date.UTC(+local.slice(0, 4), +local.slice(5, 7) - 1, +local.slice(8, 10), +local.slice(11, 13), +local.slice(14, 16));
  return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/**
 * The offset of each quarter hour a long export touches, per time zone, when it is the same at both
 * ends (no transition inside): two offset look-ups per quarter hour instead of one formatToParts
 * (a dozen objects) per date and time written. Null when a transition falls inside.
 */
const offsets = new Map<string, { quarter: number; offset: number | null }>();

function quarterOffset(ms: number, timeZone: string): number | null {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const cached = offsets.get(timeZone);
  if (cached?.quarter === quarter) return cached.offset;
  const start = offsetAt(quarter * QUARTER_HOUR, timeZone);
  const offset = start === offsetAt((quarter + 1) * QUARTER_HOUR - 60_000, timeZone) ? start : null;
  offsets.set(timeZone, { quarter, offset });
  return offset;
}

/** "2026-11-23 08:00" in the given time zone. */
export function localDateTime(date: Date, timeZone: string): string {
  const ms = date.getTime();
  const offset = quarterOffset(ms, timeZone);
  const local = offset === null ? null : new Date(ms + offset);
  // Before 1980 some zones' offsets had seconds (formatToParts truncates them), and years need four digits.
  if (!local || local.getUTCFullYear() < 1980 || local.getUTCFullYear() > 9999) return zonedDateTime(date, timeZone);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

const HEADER = ['date', 'start', 'end', 'hours', 'billable', 'rate', 'amount', 'currency', 'source', 'status', 'assistant', 'notes'];

/** The CSV's first line. */
export const csvHeader = (): string => stringify([HEADER]);

/** What one line shows of an entry, for the audience (see presentWorkLog). */
interface LineFields {
  startedAt: Date | string;
  endedAt: Date | string | null;
  hours: string;
  billable: boolean;
  hourlyRate: string;
  amount: string;
  currency: string;
  source: string;
  fixedAtNoCharge: boolean;
  status: string;
  /** Null: the team (a fix of our error, for a client). */
  assistantName: string | null;
  notes: string;
}

function cells(e: LineFields, timeZone: string, teamName: string): string[] {
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
    defuse(e.assistantName ?? teamName),
    defuse(e.notes),
  ];
}

/** One line per entry; an entry that names no assistant (a fix of our error, for a client) names the team. */
export function csvLines(entries: WorkLogResponse[], timeZone: string, teamName: string): string {
  return stringify(entries.map((e) => cells({ ...e, assistantName: e.assistant?.displayName ?? null }, timeZone, teamName)));
}

/**
 * The same lines straight from the rows, for a long export: no response object per entry (a million
 * of them kept the heap growing); each entry is added to `totals` as it is written.
 *
 * Empties `rows`: each row is taken out as its line is written, so a row, its cells and its line
 * die as soon as they are used: a whole batch kept alive (the rows, every row's cells, the lines)
 * outlived scavenges when the young generation was small (see CSV_BATCH), was promoted, and old
 * space grew by ~170 MB over a 1M-row export before a full collection.
 */
export function csvRowLines(
  rows: TimesheetLineRow[],
  audience: Audience,
  timeZone: string,
  teamName: string,
  totals: TimesheetTotals,
): string {
  let text = '';
  for (let row = rows.shift(); row; row = rows.shift()) {
    text += stringify([cells(lineFields(row, audience, totals), timeZone, teamName)]);
  }
  return text;
}

/** What one line shows of a row, for the audience; the entry is added to `totals`. */
function lineFields(row: TimesheetLineRow, audience: Audience, totals: TimesheetTotals): LineFields {
  const seconds = countedSeconds(row);
  const amount = row.billable ? amountFor(seconds, row.hourlyRate) : '0.00';
  totals.addEntry({ durationSeconds: row.durationSeconds, billable: row.billable, disclosureId: row.disclosureId, amount });
  return {
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    hours: hoursFor(seconds),
    billable: row.billable,
    hourlyRate: row.hourlyRate,
    amount,
    currency: row.currency,
    source: row.source,
    fixedAtNoCharge: row.disclosureId !== null && !row.billable,
    status: row.status,
    assistantName: audience === 'client' && row.disclosureId !== null ? null : row.assistantName,
    notes: row.notes,
  };
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
