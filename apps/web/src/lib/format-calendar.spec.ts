import { addDays, formatCalendarDay, formatElapsed, formatWeekRange, mondayOf } from './format';

const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('mondayOf', () => {
  it('cuts weeks in the given time zone, not the reader’s', () => {
    // Sunday 23:30 in Berlin is already Monday in Tokyo.
    const sundayNight = new Date('2026-11-22T22:30:00Z');
    expect(mondayOf(sundayNight, 'Europe/Berlin')).toBe('2026-11-16');
    expect(mondayOf(sundayNight, 'Asia/Tokyo')).toBe('2026-11-23');
  });

  it('keeps a Monday as it is', () => {
    expect(mondayOf(new Date('2026-11-23T08:00:00Z'), 'Europe/Berlin')).toBe('2026-11-23');
  });
});

describe('calendar days', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-02', -7)).toBe('2026-02-23');
  });

  it('shows a day the same for every reader', () => {
    expect(formatCalendarDay('2026-11-16', 'en')).toBe('Nov 16, 2026');
    expect(formatCalendarDay('2026-11-16', 'de')).toBe('16.11.2026');
  });

  it('shows a week as a range in the locale', () => {
    expect(plain(formatWeekRange('2026-11-16', 'en'))).toBe('Nov 16 – 22, 2026');
    expect(plain(formatWeekRange('2026-11-30', 'en'))).toBe('Nov 30 – Dec 6, 2026');
  });
});

describe('formatElapsed', () => {
  it('shows hours, minutes and seconds', () => {
    expect(formatElapsed(309)).toBe('0:05:09');
    expect(formatElapsed(3723)).toBe('1:02:03');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });

  it('uses the locale’s digits', () => {
    expect(formatElapsed(3723, 'ar-EG')).toBe('١:٠٢:٠٣');
  });
});
