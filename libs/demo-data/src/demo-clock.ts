const DAY_MS = 86_400_000;

/** The moment `days` days before now (negative: in the future); the demo's history is relative to the day it is seeded. */
export const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY_MS);

export const hoursAfter = (at: Date, hours: number): Date => new Date(at.getTime() + hours * 3_600_000);

/** A date (YYYY-MM-DD) `days` after another. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** How far a time zone's wall clock is ahead of UTC at a moment, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at;
}

/** The moment a wall-clock time (`09:15`) on a date shows in a time zone: weeks and rates are cut there, as the API does. */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const guess = wall - offsetAt(timeZone, wall);
  return new Date(wall - offsetAt(timeZone, guess));
}

/** The Monday (YYYY-MM-DD) `weeksBack` weeks before the current week in a time zone. */
export function mondayIn(timeZone: string, weeksBack: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  return addDays(today, -((day.getUTCDay() + 6) % 7) - 7 * weeksBack);
}
