import type { WorkLog } from './work-log-endpoints';
import { entryFormValues, entrySchema, entrySpan, toWorkLogInput, toWorkLogPatch } from './entry-schema';

// Jest runs with TZ unset or UTC in CI; the span math must hold in the runner's zone, whatever it is.
describe('entrySpan', () => {
  it('reads the day and times in the local time zone', () => {
    const span = entrySpan({ day: '2026-11-23', start: '09:00', end: '10:30' });
    expect(new Date(span.endedAt).getTime() - new Date(span.startedAt).getTime()).toBe(90 * 60_000);
    expect(new Date(span.startedAt).getHours()).toBe(9);
  });

  it('rolls an end before the start into the next day', () => {
    const span = entrySpan({ day: '2026-11-23', start: '23:30', end: '00:15' });
    expect(new Date(span.endedAt).getTime() - new Date(span.startedAt).getTime()).toBe(45 * 60_000);
  });
});

describe('entrySchema', () => {
  const valid = { engagementId: 'e1', day: '2026-11-23', start: '09:00', end: '10:00', notes: ' Inbox ', billable: true, disclosureId: '' };

  it('accepts a complete entry and trims its notes', () => {
    expect(entrySchema().parse(valid).notes).toBe('Inbox');
  });

  it('names the field of each problem', () => {
    const result = entrySchema().safeParse({ ...valid, engagementId: '', end: '09:00' });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
    expect(issues).toEqual(expect.arrayContaining([['engagementId', 'validation.engagementRequired']]));
  });

  it('refuses an entry that ends when it starts', () => {
    const result = entrySchema().safeParse({ ...valid, end: '09:00' });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['end', 'validation.endAfterStart']]);
  });

  it('lets an entry of under a minute keep the times it has (a timer stopped at once)', () => {
    const short = { ...valid, end: '09:00' };
    expect(entrySchema(short).safeParse({ ...short, notes: 'Inbox' }).success).toBe(true);
    expect(entrySchema(short).safeParse({ ...short, start: '08:00', end: '08:00' }).success).toBe(false);
  });
});

describe('toWorkLogInput', () => {
  const form = {
    engagementId: 'e1',
    day: '2026-11-23',
    start: '09:00',
    end: '10:00',
    notes: 'Fixed the list',
    billable: true,
    disclosureId: '',
  };

  it('sends time spent fixing a disclosed error as never billed, with its disclosure', () => {
    expect(toWorkLogInput({ ...form, disclosureId: 'd1' })).toMatchObject({ disclosureId: 'd1', billable: false });
    expect(toWorkLogInput(form)).not.toHaveProperty('disclosureId');
    expect(toWorkLogInput(form).billable).toBe(true);
  });
});

describe('toWorkLogPatch', () => {
  const entry = {
    engagementId: 'e1',
    startedAt: new Date(2026, 10, 23, 9, 0).toISOString(),
    endedAt: new Date(2026, 10, 23, 10, 0).toISOString(),
    notes: 'Inbox',
    billable: true,
  } as WorkLog;

  it('sends nothing when nothing changed', () => {
    expect(toWorkLogPatch(entry, entryFormValues(entry))).toEqual({});
  });

  it('sends only the changed notes', () => {
    expect(toWorkLogPatch(entry, { ...entryFormValues(entry), notes: 'Inbox and calendar' })).toEqual({ notes: 'Inbox and calendar' });
  });

  it('leaves out the times of a short timer entry whose notes change', () => {
    const timed = { ...entry, endedAt: new Date(2026, 10, 23, 9, 0, 4).toISOString() } as WorkLog;
    expect(toWorkLogPatch(timed, { ...entryFormValues(timed), notes: 'Inbox' + '!' })).toEqual({ notes: 'Inbox!' });
  });

  it('sends both ends when the time moved', () => {
    const patch = toWorkLogPatch(entry, { ...entryFormValues(entry), end: '10:30' });
    expect(Object.keys(patch).sort()).toEqual(['endedAt', 'startedAt']);
  });
});
