import { currentPeriod, parsePeriod, shiftPeriod } from './timesheet-period';

describe('timesheet periods', () => {
  const now = new Date('2026-11-25T10:00:00Z');

  it('opens on this week or this month in the agency time zone', () => {
    expect(currentPeriod('week', 'Europe/Berlin', now)).toEqual({ period: 'week', start: '2026-11-23' });
    expect(currentPeriod('month', 'Europe/Berlin', now)).toEqual({ period: 'month', start: '2026-11-01' });
    expect(currentPeriod('month', 'Pacific/Kiritimati', new Date('2026-11-30T12:00:00Z'))).toEqual({
      period: 'month',
      start: '2026-12-01',
    });
  });

  it('steps by a week or a month, across the year', () => {
    expect(shiftPeriod({ period: 'week', start: '2026-12-28' }, 1)).toEqual({ period: 'week', start: '2027-01-04' });
    expect(shiftPeriod({ period: 'month', start: '2026-01-01' }, -1)).toEqual({ period: 'month', start: '2025-12-01' });
  });

  it('reads only a well-formed period from the address', () => {
    expect(parsePeriod('week', '2026-11-23')).toEqual({ period: 'week', start: '2026-11-23' });
    expect(parsePeriod('year', '2026-01-01')).toBeNull();
    expect(parsePeriod('week', 'yesterday')).toBeNull();
  });
});
