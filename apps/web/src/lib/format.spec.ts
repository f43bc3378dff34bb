import { formatDate, formatDateTime, formatHours, formatMoney } from './format';

// ICU separates some parts with (narrow) no-break spaces; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatDateTime', () => {
  it('shows the instant in the viewer time zone, not UTC', () => {
    const iso = '2026-03-01T23:30:00Z';
    expect(plain(formatDateTime(iso, 'en', 'Europe/Berlin'))).toBe('Mar 2, 2026, 12:30 AM');
    expect(plain(formatDateTime(iso, 'en', 'America/New_York'))).toBe('Mar 1, 2026, 6:30 PM');
  });

  it('follows the locale', () => {
    const iso = '2026-03-01T23:30:00Z';
    expect(formatDateTime(iso, 'de', 'Europe/Berlin')).toBe('02.03.2026, 00:30');
    expect(formatDateTime(iso, 'ja', 'Asia/Tokyo')).toBe('2026/03/02 8:30');
  });

  it('leaves an unreadable value as it came', () => {
    expect(formatDateTime('not a date', 'en', 'UTC')).toBe('not a date');
  });
});

describe('formatDate', () => {
  it('gives the calendar day of the viewer', () => {
    expect(formatDate('2026-03-01T23:30:00Z', 'en', 'Europe/Berlin')).toBe('Mar 2, 2026');
    expect(formatDate('2026-03-01T23:30:00Z', 'en', 'UTC')).toBe('Mar 1, 2026');
  });
});

describe('formatHours', () => {
  it.each([
    [0, '0:00'],
    [59, '0:01'],
    [25_200 + 300, '7:05'],
    [36 * 3600, '36:00'],
    [-5400, '-1:30'],
  ])('%p seconds -> %p', (seconds, expected) => {
    expect(formatHours(seconds)).toBe(expected);
  });

  it('uses the digits of the locale', () => {
    expect(formatHours(5400, 'ar-EG')).toBe('١:٣٠');
  });
});

describe('formatMoney', () => {
  it('formats for the locale and currency', () => {
    expect(formatMoney('1234.5', 'USD', 'en')).toBe('$1,234.50');
    expect(plain(formatMoney('1234.5', 'EUR', 'de'))).toBe('1.234,50 €');
    expect(plain(formatMoney('1500', 'NOK', 'nb'))).toBe('1 500,00 kr');
    expect(formatMoney('1500', 'JPY', 'ja')).toBe('￥1,500');
  });

  it('keeps every digit of large amounts (no float on the way)', () => {
    expect(formatMoney('12345678901234567.89', 'USD', 'en')).toBe('$12,345,678,901,234,567.89');
    expect(formatMoney('0.10', 'USD', 'en')).toBe('$0.10');
  });

  it('shows values it cannot read as they came', () => {
    expect(formatMoney('12,50', 'EUR', 'en')).toBe('12,50');
    expect(formatMoney('1e3', 'EUR', 'en')).toBe('1e3');
    expect(formatMoney('5.00', 'NOPE!', 'en')).toBe('5.00 NOPE!');
  });
});
