import { addNotifications, recipients, report, rowsOf, seedTenant, tally, waitUntilSettled, workerEnv } from './support/outbox-fixture';
import { AppProcess } from '../support/app-process';
import { workerUnderFault } from './support/worker-under-fault';

const BACKOFF_CAP_MS = 4000;
const isBounce = (email: string) => email.startsWith('bounce-');
const isStuck = (email: string) => email.startsWith('stuck-');

/**
 * The SMTP server answers 451 to everyone for a while, 550 to some recipients, and 451 for ever to a
 * few. Temporary failures are retried with backoff and go out once the server recovers; permanent
 * ones fail at once with the server's reply; a recipient deferred past the retry window fails as
 * temporary. Each attempt is counted once: the row's attempts equal the RCPT commands the sink saw.
 */
describe('fault: the SMTP server defers (4xx) for a while and rejects (5xx) some recipients', () => {
  const fault = workerUnderFault({ rejects: isBounce, defers: isStuck });
  const { sink } = fault;

  it('retries the deferred until the server recovers, fails the rejected at once, and counts each attempt once', async () => {
    const emails = [...recipients('smtp', 265), ...recipients('bounce-smtp', 30), ...recipients('stuck-smtp', 5)];
    const windowMs = 35_000;
    const env = workerEnv({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      RETRY_BASE_DELAY_MS: '500',
      RETRY_MAX_DELAY_MS: String(BACKOFF_CAP_MS),
      RETRY_WINDOW_MS: String(windowMs),
    });
    const tenantId = await seedTenant('smtp');
    sink.temporaryFailure = true;
    await addNotifications(tenantId, emails);
    fault.worker = await AppProcess.start('smtp-failures', env);
    const outageStart = Date.now();
    // The outage lasts until at least 150 rows have been deferred (at least 6 s).
    let during = await rowsOf(tenantId);
    while (Date.now() - outageStart < 6000 || during.filter((r) => r.attempts > 0).length < 150) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      during = await rowsOf(tenantId);
    }

    // While deferred: waiting for another try, with the server's reply, not failed.
    expect(during.filter((r) => r.status === 'sent' || r.status === 'failed')).toEqual([]);
    const retrying = during.filter((r) => r.attempts > 0 && r.status !== 'sending');
    expect(retrying.length).toBeGreaterThan(100);
    expect(retrying.filter((r) => r.failure_kind !== 'temporary' || !r.last_error?.startsWith('451 4.3.0'))).toEqual([]);

    sink.temporaryFailure = false;
    const recovered = Date.now();
    const seconds = await waitUntilSettled(tenantId, recovered, 90_000, (email) => !isStuck(email));
    await waitUntilSettled(tenantId, recovered, 90_000);
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, sink, (email) => isBounce(email) || isStuck(email));
    report({
      fault: `SMTP 451 for ${((recovered - outageStart) / 1000).toFixed(0)} s, 550 for 30, 451 for ever for 5`,
      inFlight: emails.length,
      lost,
      doubled,
      secondsToDrain: seconds,
      note: `after recovery; backoff cap ${BACKOFF_CAP_MS / 1000} s, retry window ${windowMs / 1000} s`,
    });

    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(seconds).toBeLessThan(BACKOFF_CAP_MS / 1000 + 30);
    for (const row of rows) {
      expect({ email: row.recipient_email, attempts: row.attempts }).toEqual({
        email: row.recipient_email,
        attempts: sink.rcptAttempts.get(row.recipient_email),
      });
    }
    const bounced = rows.filter((r) => isBounce(r.recipient_email));
    expect(bounced.map((r) => [r.status, r.failure_kind])).toEqual(bounced.map(() => ['failed', 'permanent']));
    expect(bounced.every((r) => r.last_error?.startsWith('550 5.1.1') && r.last_error.includes('User unknown'))).toBe(true);
    const stuck = rows.filter((r) => isStuck(r.recipient_email));
    expect(stuck.map((r) => [r.status, r.failure_kind])).toEqual(stuck.map(() => ['failed', 'temporary']));
    expect(stuck.every((r) => r.attempts >= 3 && r.last_error?.includes('451'))).toBe(true);
    const sent = rows.filter((r) => !isBounce(r.recipient_email) && !isStuck(r.recipient_email));
    expect(sent.filter((r) => r.status !== 'sent' || r.failure_kind !== null)).toEqual([]);
    expect(sent.filter((r) => r.attempts >= 2).length).toBeGreaterThan(100);
  });
});
