import { types } from 'pg';
import { parseTimestamptz, useFastTimestamps } from './timestamps';

const general: (text: string) => unknown = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');

/** How PostgreSQL writes `ms` since the epoch at `offsetMinutes` east of UTC, with `fraction` digits. */
function pgText(ms: number, offsetMinutes: number, fraction: string): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
  const mm = Math.abs(offsetMinutes) % 60;
  return `${local.slice(0, 10)} ${local.slice(11, 19)}${fraction}${sign}${hh}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

describe('parseTimestamptz', () => {
  it("reads every shape PostgreSQL writes to the same instant as node-postgres's parser", () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 5000; k++) {
      const ms = Math.floor(random() * 4e12);
      const offset = [0, 60, -180, 330, -570, 765][k % 6];
      const fraction = ['', '.5', '.12', '.123', '.1234', '.123456', '.000001'][k % 7];
      const text = pgText(ms, offset, fraction);
      expect([text, parseTimestamptz(text)?.getTime()]).toEqual([text, (general(text) as Date).getTime()]);
    }
    expect(parseTimestamptz('1890-03-01 12:00:00+00:53:28')?.getTime()).toBe((general('1890-03-01 12:00:00+00:53:28') as Date).getTime());
  });

  it('leaves any other shape to the general parser', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0044-03-15 12:00:00+00 BC',
      '0099-01-01 00:00:00+00',
      '2026-11-30 09:15:00',
      '2026-11-30T09:15:00+00',
      '2026-11-30 09:15:00.+00',
      '2026-11-30 09:15:00+0',
      '2026-11-30 09:15:00+00:3',
      '2026-11-30 09:15:00+00:30:00:00',
      '2026-1x-30 09:15:00+00',
    ]) {
      expect([text, parseTimestamptz(text)]).toEqual([text, null]);
    }
  });

  it('is the parser node-postgres uses once installed, with the general one behind it', () => {
    useFastTimestamps();
    useFastTimestamps();
    const installed: (text: string) => unknown = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text');
    expect(installed).not.toBe(general);
    expect((installed('2026-11-30 09:15:00.25+01') as Date).toISOString()).toBe('2026-11-30T08:15:00.250Z');
    expect(installed('infinity')).toBe(Infinity);
    expect((installed('0044-03-15 12:00:00+00 BC') as Date).getUTCFullYear()).toBe(-43);
  });
});
