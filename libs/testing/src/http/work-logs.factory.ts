import type { Api } from './api-client';
import { expectStatus } from './expect-status';

/** The Monday (YYYY-MM-DD) of the UTC week a moment falls in: a new tenant keeps time in UTC. */
export function mondayOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** A finished manual entry: an hour ending a minute ago unless told otherwise. */
export async function createWorkLog(
  api: Api,
  token: string,
  engagementId: string,
  overrides: { startedAt?: string; endedAt?: string; notes?: string; billable?: boolean } = {},
): Promise<{ id: string; body: any }> {
  const endedAt = overrides.endedAt ?? new Date(Date.now() - 60_000).toISOString();
  const startedAt = overrides.startedAt ?? new Date(new Date(endedAt).getTime() - 3_600_000).toISOString();
  const body = { engagementId, notes: 'Inbox triage', ...overrides, startedAt, endedAt };
  const response = await expectStatus('work log', api.post('/api/v1/work-logs', body, token), [201]);
  return { id: response.body.id as string, body: response.body };
}

/** Hands in an assistant's week of an engagement; answers the week. */
export async function submitWeek(api: Api, token: string, engagementId: string, weekStart: string): Promise<any> {
  return (await expectStatus('week', api.post('/api/v1/timesheet-weeks', { engagementId, weekStart }, token), [201])).body;
}

/** A comment on a work log, disclosure or deliverable. */
export async function addComment(
  api: Api,
  token: string,
  subject: 'work-logs' | 'disclosures' | 'deliverables',
  subjectId: string,
  body: Record<string, unknown> = { body: 'Thanks' },
): Promise<any> {
  return (await expectStatus('comment', api.post(`/api/v1/${subject}/${subjectId}/comments`, body, token))).body;
}

/** Edits an entry with a reason (kept in its trail once submitted); answers the entry. */
export async function editWorkLog(
  api: Api,
  token: string,
  workLogId: string,
  changes: Record<string, unknown>,
  reason = 'Clearer notes',
): Promise<any> {
  return (await expectStatus('work log edit', api.patch(`/api/v1/work-logs/${workLogId}`, { ...changes, reason }, token), [200])).body;
}

/**
 * A time zone in which now is at least two hours into the month: `preferred` when it is, else Tokyo or Los Angeles
 * (16 or 17 hours apart, so one of them is). An hour of work logged "just now" then falls in the current month there, as a retainer test needs,
 * also when the suite runs in the first hour of a month.
 */
export function zoneWellIntoMonth(preferred: string, now = new Date()): string {
  const intoMonth = (zone: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', hour: 'numeric', hourCycle: 'h23' }).formatToParts(
      now,
    );
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return part('day') > 1 || part('hour') >= 2;
  };
  return [preferred, 'Asia/Tokyo', 'America/Los_Angeles'].find(intoMonth) ?? preferred;
}
