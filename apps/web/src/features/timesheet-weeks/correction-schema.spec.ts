import type { WorkLog } from '../work-logs/work-log-endpoints';
import { correctionFormValues, parseMinutes, toAdjustment, toCorrection } from './correction-schema';

const entry = {
  id: 'e1',
  engagementId: 'g1',
  startedAt: new Date(2027, 2, 8, 9, 0).toISOString(),
  endedAt: new Date(2027, 2, 8, 10, 30).toISOString(),
  notes: 'Inbox triage',
  billable: true,
} as WorkLog;

describe('corrections of a submitted entry', () => {
  it('sends only what changed, with the reason', () => {
    const form = { ...correctionFormValues(entry), notes: 'Inbox triage and calendar', reason: 'Forgot the calendar part' };
    expect(toCorrection(entry, form)).toEqual({ notes: 'Inbox triage and calendar', reason: 'Forgot the calendar part' });
  });

  it('sends nothing when nothing changed', () => {
    expect(toCorrection(entry, { ...correctionFormValues(entry), reason: 'No change' })).toBeNull();
  });

  it('moves the span when a time changes', () => {
    const patch = toCorrection(entry, { ...correctionFormValues(entry), end: '10:00', reason: 'Stopped at ten' });
    expect(patch).toEqual({ startedAt: entry.startedAt, endedAt: new Date(2027, 2, 8, 10, 0).toISOString(), reason: 'Stopped at ten' });
  });
});

describe('adjusting entries', () => {
  it('reads minutes with either minus sign, refusing 0 and more than a day', () => {
    expect(parseMinutes('-30')).toBe(-30);
    expect(parseMinutes('−15')).toBe(-15);
    expect(parseMinutes('+45')).toBe(45);
    expect(parseMinutes('0')).toBeNull();
    expect(parseMinutes('1441')).toBeNull();
  });

  it('builds the API input', () => {
    expect(toAdjustment({ minutes: '-30', notes: 'Call logged twice', reason: 'Duplicate call' })).toEqual({
      minutes: -30,
      notes: 'Call logged twice',
      reason: 'Duplicate call',
    });
  });
});
