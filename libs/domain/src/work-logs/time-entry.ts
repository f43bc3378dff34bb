/** The longest single entry: anything longer is almost certainly a forgotten timer or a typo. */
export const MAX_ENTRY_SECONDS = 24 * 3600;

/** Clock skew we tolerate between a browser and the server before calling a time "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Shorter than this, an entry shows as 0:00 h: a timer stopped this soon was a slip and is
 * discarded unless its author keeps it, and a week of nothing longer has no time to submit.
 */
export const SHORT_ENTRY_SECONDS = 60;

/** Stored times are whole seconds so that duration = end - start holds exactly. */
export const toWholeSecond = (date: Date): Date => new Date(Math.floor(date.getTime() / 1000) * 1000);

/**
 * Why a start/end pair cannot be an entry, in words a person understands; null when it can.
 * `end` null means a running timer.
 */
export function entrySpanProblem(start: Date, end: Date | null, now: Date): string | null {
  if (start.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'startedAt is in the future; log time once it has been worked';
  if (end === null) return null;
  if (end.getTime() <= start.getTime()) return 'endedAt must be after startedAt';
  if (end.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return 'endedAt is in the future; log time once it has been worked';
  if ((end.getTime() - start.getTime()) / 1000 > MAX_ENTRY_SECONDS)
    return 'an entry cannot be longer than 24 hours; split it into several entries';
  return null;
}

// Year 0 passes JavaScript's Date but not PostgreSQL.
const DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Weeks run Monday to Sunday in the tenant's time zone and are named by their Monday. */
export const isMonday = (isoDate: string): boolean => isIsoDate(isoDate) && new Date(`${isoDate}T00:00:00Z`).getUTCDay() === 1;
