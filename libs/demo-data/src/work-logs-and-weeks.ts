import { insertComment, insertTimesheetWeek, insertWorkLog, insertWorkLogRevision, type Sql } from '@candor/testing';
import type { DemoEngagement, DemoEngagements, EngagementKey } from './clients-and-engagements';
import { addDays, hoursAfter, mondayIn, zonedTime } from './demo-clock';
import type { DemoTenant } from './tenant-and-people';
import { ENTRIES, WEEK_STATES, type DemoEntry } from './time-entries';

const LOG_STATUS = { approved: 'locked', submitted: 'submitted', draft: 'draft' } as const;

interface SeededLog {
  id: string;
  entry: DemoEntry;
  startedAt: Date;
}

/** The rate an entry is logged at: the latest one in effect on its day. */
function rateOn(engagement: DemoEngagement, day: string): string {
  const rate = [...engagement.rates].reverse().find((r) => r.effectiveFrom <= day) ?? engagement.rates[0];
  if (!rate) throw new Error('demo data: an engagement without a rate');
  return rate.hourlyRate;
}

/**
 * Several weeks of Ada's time: approved weeks (entries locked), weeks waiting for Clara, this week's
 * drafts (only those already over), an edit trail on a submitted entry and a settled dispute.
 */
export async function seedWorkLogsAndWeeks(db: Sql, demo: DemoTenant, engagements: DemoEngagements): Promise<number> {
  const { tenantId, timeZone, people } = demo;
  const monday = (weeksBack: number) => mondayIn(timeZone, weeksBack);
  // Handed in on the Monday after the week at 09:15, approved a day and two hours later.
  const submittedAt = (weeksBack: number) => zonedTime(monday(weeksBack - 1), '09:15', timeZone);

  const weekIds = new Map<string, string>();
  for (const [key, states] of Object.entries(WEEK_STATES) as [EngagementKey, Record<number, string>][]) {
    for (const [weeksBack, state] of Object.entries(states)) {
      if (state !== 'approved' && state !== 'submitted') continue;
      const weekId = await insertTimesheetWeek(db, {
        tenantId,
        engagementId: engagements[key].id,
        assistantId: people.assistant,
        weekStart: monday(Number(weeksBack)),
        status: state,
        submittedAt: submittedAt(Number(weeksBack)),
        decidedBy: state === 'approved' ? people.clientAdmin : null,
        decidedAt: state === 'approved' ? hoursAfter(submittedAt(Number(weeksBack)), 26) : null,
      });
      weekIds.set(`${key}:${weeksBack}`, weekId);
    }
  }

  const logs: SeededLog[] = [];
  for (const entry of ENTRIES) {
    const day = addDays(monday(entry.week), entry.day);
    const startedAt = zonedTime(day, entry.at, timeZone);
    const endedAt = hoursAfter(startedAt, entry.minutes / 60);
    if (endedAt.getTime() >= Date.now()) continue; // later this week: not logged yet
    const engagement = engagements[entry.engagement];
    const id = await insertWorkLog(db, {
      tenantId,
      engagementId: engagement.id,
      assistantId: people.assistant,
      status: LOG_STATUS[WEEK_STATES[entry.engagement][entry.week] ?? 'draft'],
      startedAt,
      endedAt,
      notes: entry.notes,
      billable: entry.billable ?? true,
      hourlyRate: rateOn(engagement, day),
      weekId: weekIds.get(`${entry.engagement}:${entry.week}`) ?? null,
    });
    logs.push({ id, entry, startedAt });
  }

  const social = (status: string) =>
    logs.filter((log) => log.entry.engagement === 'social' && LOG_STATUS[WEEK_STATES.social[log.entry.week] ?? 'draft'] === status);
  const edited = social('submitted')[0];
  if (edited) {
    await insertWorkLogRevision(db, {
      tenantId,
      workLogId: edited.id,
      changedBy: people.assistant,
      reason: 'The German captions were part of this session too; the notes said only English.',
      before: { notes: edited.entry.notes.replace('in English and German', 'in English') },
      after: { notes: edited.entry.notes },
    });
  }
  const disputed = social('locked').at(-1);
  if (disputed) {
    // Between the week's submission (Monday 09:15) and its approval (Tuesday 11:15).
    const at = (hours: number) => hoursAfter(submittedAt(disputed.entry.week), hours);
    const onEntry = { tenantId, subjectType: 'work_log', subjectId: disputed.id } as const;
    await insertComment(db, {
      ...onEntry,
      authorId: people.clientAdmin,
      kind: 'dispute',
      body: 'An hour and a half for five posts seems long. What took the time?',
      createdAt: at(4),
    });
    await insertComment(db, {
      ...onEntry,
      authorId: people.assistant,
      kind: 'dispute_reply',
      body: 'Most of it was retouching the 14 photos from the shoot before choosing five; the edited set is in the shared folder.',
      createdAt: at(23),
    });
  }
  return logs.length;
}
