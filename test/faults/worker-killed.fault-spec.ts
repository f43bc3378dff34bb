import { report, rowsOf, tally, waitForSent, waitUntilSettled, workerEnv } from './support/outbox-fixture';
import { AppProcess } from '../support/app-process';
import { seedOutbox, workerUnderFault } from './support/worker-under-fault';

/**
 * The worker is killed with SIGKILL three times while SMTP conversations are in flight (the sink
 * stalls before each 250). Rows a dead worker held come back when their lease runs out; the only
 * duplicates allowed are messages the sink had accepted when the worker died before recording them,
 * at most the sends in flight at that instant.
 */
describe('fault: the worker is killed mid-send', () => {
  const fault = workerUnderFault({ stallMs: 150 });

  it('loses nothing and doubles at most the sends in flight at each kill', async () => {
    // 150 rows: each kill meets 20 sends in flight, and 60 rows are left after the last one.
    const total = 150;
    const concurrency = 20;
    const kills = 3;
    const env = workerEnv({ SMTP_URL: `smtp://127.0.0.1:${fault.sink.port}`, EMAIL_CONCURRENCY: String(concurrency) });
    const tenantId = await seedOutbox('killed', total);

    fault.worker = await AppProcess.start('worker-killed', env);
    let faultEnded = Date.now();
    for (let kill = 1; kill <= kills; kill++) {
      await waitForSent(tenantId, kill * 30);
      await fault.worker.kill('SIGKILL');
      fault.worker = await AppProcess.start('worker-killed', env);
      faultEnded = Date.now();
    }
    const seconds = await waitUntilSettled(tenantId, faultEnded);
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, fault.sink);
    report({
      fault: `worker SIGKILL x${kills} mid-send`,
      inFlight: total,
      lost,
      doubled,
      secondsToDrain: seconds,
      note: `<= ${concurrency} sends in flight per kill`,
    });

    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(lost).toBe(0);
    expect(doubled).toBeLessThanOrEqual(kills * concurrency);
    expect(seconds).toBeLessThan(30);
    // The attempt is counted once per claim: a row sent on the first try says 1.
    expect(rows.filter((r) => r.attempts < 1)).toEqual([]);
  });
});
