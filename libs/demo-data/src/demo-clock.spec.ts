import { addDays, mondayIn, zonedTime } from './demo-clock';

describe('the demo clock', () => {
  it('finds the moment a Berlin wall-clock time shows, in winter and in summer time', () => {
    expect(zonedTime('2026-11-23', '09:15', 'Europe/Berlin').toISOString()).toBe('2026-11-23T08:15:00.000Z');
    expect(zonedTime('2026-07-06', '09:15', 'Europe/Berlin').toISOString()).toBe('2026-07-06T07:15:00.000Z');
    // The Monday after the clocks went back: the offset of the day itself, not of the day before.
    expect(zonedTime('2026-10-26', '08:30', 'Europe/Berlin').toISOString()).toBe('2026-10-26T07:30:00.000Z');
    expect(zonedTime('2026-11-23', '09:15', 'UTC').toISOString()).toBe('2026-11-23T09:15:00.000Z');
  });

  it('counts Mondays back from the current week in the time zone, across a month end', () => {
    const monday = mondayIn('Europe/Berlin', 0);
    expect(new Date(`${monday}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(mondayIn('Europe/Berlin', 2)).toBe(addDays(monday, -14));
    expect(addDays('2026-11-30', 3)).toBe('2026-12-03');
  });
});
