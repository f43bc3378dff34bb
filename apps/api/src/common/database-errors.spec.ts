import { QueryFailedError, QueryRunnerAlreadyReleasedError, UpdateValuesMissingError } from 'typeorm';
import { describeDatabaseError } from './database-errors';
import { isIsoDateTime } from './validation/iso-date';

const failed = (code: string, extra: Record<string, unknown> = {}) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('database says no'), { code, ...extra }));

describe('describeDatabaseError', () => {
  it('turns refused values into 400 without table or constraint names', () => {
    expect(describeDatabaseError(failed('23514', { constraint: 'work_logs_notes_check' }))).toEqual({
      status: 400,
      code: 'invalid_value',
      message: 'A value is outside what is allowed',
    });
    expect(describeDatabaseError(failed('23502', { column: 'display_name' }))).toMatchObject({
      status: 400,
      code: 'required',
      field: 'displayName',
    });
    for (const code of ['22P02', '22021', '22P05', '22008', '22012']) expect(describeDatabaseError(failed(code))?.status).toBe(400);
    expect(describeDatabaseError(new UpdateValuesMissingError())).toMatchObject({ status: 400, code: 'nothing_to_change' });
  });

  it('turns a lost connection into 503, and leaves real faults alone', () => {
    expect(describeDatabaseError(failed('57P01'))).toMatchObject({ status: 503, code: 'unavailable' });
    expect(describeDatabaseError(new QueryRunnerAlreadyReleasedError())).toMatchObject({ status: 503 });
    expect(describeDatabaseError(new Error('Connection terminated unexpectedly'))).toMatchObject({ status: 503 });
    expect(describeDatabaseError(failed('42P01'))).toBeUndefined();
    expect(describeDatabaseError(new TypeError('x is undefined'))).toBeUndefined();
  });
});

describe('isIsoDateTime', () => {
  it.each(['2026-11-23T08:00:00Z', '2026-11-23T08:00Z', '2026-11-23T08:00:00.123+01:00', '2026-02-28T23:59:59-0530'])(
    'takes %s',
    (value) => {
      expect(isIsoDateTime(value)).toBe(true);
    },
  );
  it.each([
    '2026-W48',
    '2026-335',
    '2026-01',
    '2026-11-23',
    '0000-11-23T08:00:00Z',
    '2026-02-30T08:00:00Z',
    '+275760-09-13T00:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T08:00:00',
  ])('refuses %s', (value) => {
    expect(isIsoDateTime(value)).toBe(false);
  });
});
