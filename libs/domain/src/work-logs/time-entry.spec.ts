import { entrySpanProblem, isIsoDate, isMonday, toWholeSecond } from './time-entry';

const now = new Date('2026-11-23T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('entrySpanProblem', () => {
  it('accepts a normal entry and a running timer', () => {
    expect(entrySpanProblem(at('2026-11-23T08:00:00Z'), at('2026-11-23T09:30:00Z'), now)).toBeNull();
    expect(entrySpanProblem(at('2026-11-23T08:00:00Z'), null, now)).toBeNull();
  });

  it('refuses an end before (or at) the start', () => {
    expect(entrySpanProblem(at('2026-11-23T09:00:00Z'), at('2026-11-23T08:00:00Z'), now)).toMatch(/after startedAt/);
    expect(entrySpanProblem(at('2026-11-23T09:00:00Z'), at('2026-11-23T09:00:00Z'), now)).toMatch(/after startedAt/);
  });

  it('refuses more than 24 hours, but allows exactly 24', () => {
    expect(entrySpanProblem(at('2026-11-20T08:00:00Z'), at('2026-11-21T08:00:01Z'), now)).toMatch(/24 hours/);
    expect(entrySpanProblem(at('2026-11-20T08:00:00Z'), at('2026-11-21T08:00:00Z'), now)).toBeNull();
  });

  it('refuses times in the future beyond a little clock skew', () => {
    expect(entrySpanProblem(at('2027-01-01T00:00:00Z'), null, now)).toMatch(/startedAt is in the future/);
    expect(entrySpanProblem(at('2026-11-23T11:00:00Z'), at('2026-11-23T13:00:00Z'), now)).toMatch(/endedAt is in the future/);
    expect(entrySpanProblem(at('2026-11-23T11:00:00Z'), at('2026-11-23T12:04:00Z'), now)).toBeNull();
  });
});

describe('dates', () => {
  it('knows real dates and Mondays', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-11-23')).toBe(true);
    expect(isMonday('2026-11-23')).toBe(true);
    expect(isMonday('2026-11-24')).toBe(false);
  });

  it('drops sub-second precision', () => {
    expect(toWholeSecond(at('2026-11-23T08:00:00.999Z')).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});
