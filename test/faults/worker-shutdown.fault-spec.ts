import { freePort } from '../support/ports';
import { report, rowsOf, tally, waitForSent, waitUntilSettled, workerEnv } from './support/outbox-fixture';
import { AppProcess } from '../support/app-process';
import { seedOutbox, workerUnderFault } from './support/worker-under-fault';

/**
 * SIGTERM: the worker stops claiming, finishes the sends in flight and records them, then exits 0;
 * the next worker sends the rest. Its /metrics is scraped mid-stream.
 */
describe('fault: the worker is stopped with SIGTERM mid-send', () => {
  const fault = workerUnderFault({ stallMs: 150 });

  it('serves Prometheus metrics, finishes its in-flight sends on SIGTERM, and the next worker sends the rest', async () => {
    // 150 rows: 60 sent before the stop, the rest left for the next worker.
    const total = 150;
    const metricsPort = await freePort();
    const env = workerEnv({
      SMTP_URL: `smtp://127.0.0.1:${fault.sink.port}`,
      WORKER_METRICS_PORT: String(metricsPort),
      WORKER_METRICS_HOST: '127.0.0.1',
    });
    const tenantId = await seedOutbox('sigterm', total);
    fault.worker = await AppProcess.start('worker-shutdown', env);
    await waitForSent(tenantId, 60);

    const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scrape.status).toBe(200);
    expect(scrape.headers.get('content-type')).toContain('text/plain');
    const body = await scrape.text();
    const sentMetric = Number(/^candor_emails_sent_total (\d+)/m.exec(body)?.[1]);
    expect(sentMetric).toBeGreaterThanOrEqual(60);
    expect(body).toMatch(/^candor_queue_depth\{queue="email",state="(wait|waiting)"\} \d+/m);
    expect(body).toMatch(/^candor_job_duration_seconds_count\{queue="email",job="email.send",outcome="sent"\} \d+/m);
    expect(body).toContain('candor_emails_failed_total');
    expect(body).toContain('candor_emails_retrying_total');
    expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);

    const stopping = Date.now();
    const exit = await fault.worker.stop('SIGTERM');
    const stopSeconds = (Date.now() - stopping) / 1000;
    fault.worker = null;
    expect(exit).toEqual({ code: 0, signal: null });
    // Nothing left half-done: no row still claimed, and every message the sink accepted is recorded as sent.
    const afterStop = await rowsOf(tenantId);
    expect(afterStop.filter((r) => r.status === 'sending')).toEqual([]);
    expect(fault.sink.messages.length).toBe(afterStop.filter((r) => r.status === 'sent').length);
    expect(afterStop.filter((r) => r.status !== 'sent').length).toBeGreaterThan(0);

    fault.worker = await AppProcess.start('worker-shutdown', env);
    const seconds = await waitUntilSettled(tenantId, Date.now());
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, fault.sink);
    report({
      fault: 'worker SIGTERM mid-send',
      inFlight: total,
      lost,
      doubled,
      secondsToDrain: seconds,
      note: `stopped in ${stopSeconds.toFixed(1)} s`,
    });
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
  });
});
