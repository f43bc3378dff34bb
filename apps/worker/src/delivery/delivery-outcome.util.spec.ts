import { classifySendFailure, nextAttemptAt } from './delivery-outcome.util';

describe('classifySendFailure', () => {
  it('treats a 5xx reply as permanent and keeps the server reply', () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 <ghost@example.com>: mailbox unavailable',
    });
    expect(classifySendFailure(error)).toEqual({ kind: 'permanent', reason: '550 5.1.1 <ghost@example.com>: mailbox unavailable' });
  });

  it('treats a 4xx reply, a refused connection and a timeout as temporary', () => {
    expect(classifySendFailure(Object.assign(new Error('x'), { responseCode: 451, response: '451 4.3.0 try later' }))).toEqual({
      kind: 'temporary',
      reason: '451 4.3.0 try later',
    });
    expect(classifySendFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNECTION' }))).toEqual({
      kind: 'temporary',
      reason: 'ECONNECTION: connect ECONNREFUSED 127.0.0.1:25',
    });
    expect(classifySendFailure(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })).kind).toBe('temporary');
    expect(classifySendFailure('boom')).toEqual({ kind: 'temporary', reason: 'boom' });
  });

  it('bounds the reason to 1000 characters', () => {
    expect(classifySendFailure(Object.assign(new Error('x'), { responseCode: 554, response: 'y'.repeat(5000) })).reason).toHaveLength(1000);
  });
});

describe('nextAttemptAt', () => {
  const policy = { windowMs: 24 * 3600_000, baseDelayMs: 60_000, maxDelayMs: 3600_000 };
  const first = new Date('2026-01-01T00:00:00Z');
  const noJitter = () => 0;

  it('doubles the wait per attempt up to the cap', () => {
    const at = (attempts: number, now: Date) => nextAttemptAt(policy, attempts, first, now, noJitter)!.getTime() - now.getTime();
    expect(at(1, first)).toBe(60_000);
    expect(at(2, first)).toBe(120_000);
    expect(at(4, first)).toBe(480_000);
    expect(at(20, first)).toBe(3600_000);
  });

  it('takes at most a fifth off for jitter', () => {
    expect(nextAttemptAt(policy, 1, first, first, () => 0.999999)!.getTime() - first.getTime()).toBeGreaterThanOrEqual(48_000);
  });

  it('never waits past the window, and gives up once it is spent', () => {
    const late = new Date(first.getTime() + policy.windowMs - 1000);
    expect(nextAttemptAt(policy, 30, first, late, noJitter)!.getTime()).toBe(first.getTime() + policy.windowMs);
    expect(nextAttemptAt(policy, 31, first, new Date(first.getTime() + policy.windowMs), noJitter)).toBeNull();
  });
});
