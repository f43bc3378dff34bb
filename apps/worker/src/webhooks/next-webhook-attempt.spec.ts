import { nextWebhookAttempt } from './deliver-webhook.processor';

/** Standard Webhooks' schedule, retried for 3 days from the first attempt. */
const policy = { scheduleMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000], windowMs: 3 * 86_400_000 };
const first = new Date('2026-11-30T08:00:00Z');
const after = (ms: number) => new Date(first.getTime() + ms);

describe('nextWebhookAttempt', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, then 10 h between attempts', () => {
    expect(nextWebhookAttempt(policy, 1, first, first)).toEqual(after(5_000));
    expect(nextWebhookAttempt(policy, 2, first, after(5_000))).toEqual(after(305_000));
    expect(nextWebhookAttempt(policy, 5, first, first)).toEqual(after(18_000_000));
    expect(nextWebhookAttempt(policy, 12, first, first)).toEqual(after(36_000_000));
  });

  it('gives up once the next attempt would fall after 3 days from the first', () => {
    expect(nextWebhookAttempt(policy, 9, first, after(2 * 86_400_000))).toEqual(after(2 * 86_400_000 + 36_000_000));
    expect(nextWebhookAttempt(policy, 10, first, after(2.8 * 86_400_000))).toBeNull();
  });
});
