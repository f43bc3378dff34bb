import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { SCHEDULES } from '@candor/queue-contracts';
import { freePort } from '../support/ports';
import { FaultSink } from './support/fault-sink';
import {
  addNotifications,
  recipients,
  report,
  rowsOf,
  seedTenant,
  tally,
  waitForSent,
  waitUntilSettled,
  workerEnv,
} from './support/outbox-fixture';
import { killHard, startRedis } from './support/redis-server';
import { AppProcess } from '../support/app-process';

/**
 * redis-server is killed with SIGKILL mid-stream and restarted empty: every job it held is gone, and
 * so are the sweeps' schedulers. The rows are the truth: queued ones go out again as soon as the
 * worker reconnects, and the schedulers are registered again.
 */
describe('fault: Redis is killed and restarted empty', () => {
  const sink = new FaultSink({ stallMs: 100 });
  let redis: ChildProcess | null = null;
  let worker: AppProcess | null = null;
  let maintenance: Queue | null = null;
  afterAll(async () => {
    await worker?.kill();
    await maintenance?.close();
    if (redis) await killHard(redis);
    await sink.stop();
  });

  const schedulerNames = async () => (await maintenance!.getJobSchedulers()).map((s) => s.key).sort();
  const waitForSchedulers = async (timeoutMs: number) => {
    const expected = SCHEDULES.map((s) => s.name).sort();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const names = await schedulerNames().catch(() => [] as string[]);
      if (JSON.stringify(names) === JSON.stringify(expected)) return (Date.now() - (deadline - timeoutMs)) / 1000;
      if (Date.now() > deadline)
        throw new Error(`schedulers after ${timeoutMs} ms: ${JSON.stringify(names)}, expected ${JSON.stringify(expected)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it('sends every queued notification within 30 s of Redis returning, once, and schedules the sweeps again', async () => {
    // 150 rows: 60 sent before Redis dies, the rest queued in the Redis that is lost.
    const total = 150;
    await sink.start();
    const port = await freePort();
    redis = await startRedis(port);
    // The time-based re-claim is set far beyond 30 s, so only the reconnect can bring the jobs back in time.
    const env = workerEnv({
      SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
      REDIS_URL: `redis://127.0.0.1:${port}`,
      QUEUED_RECLAIM_MS: '300000',
    });
    maintenance = new Queue('maintenance', {
      connection: { host: '127.0.0.1', port, maxRetriesPerRequest: 1, enableOfflineQueue: false },
      prefix: env['QUEUE_PREFIX'],
    });
    maintenance.on('error', () => undefined);
    worker = await AppProcess.start('redis-restart', env);
    await waitForSchedulers(15_000);

    const tenantId = await seedTenant('redis');
    await addNotifications(tenantId, recipients('redis', total));
    await waitForSent(tenantId, 60);
    await killHard(redis);
    const down = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const sentWhileDown = (await rowsOf(tenantId)).filter((r) => r.status === 'sent').length;
    redis = await startRedis(port);
    const back = Date.now();
    expect(await schedulerNames().catch(() => [])).toEqual([]);

    const [seconds, schedulersBackIn] = await Promise.all([waitUntilSettled(tenantId, back), waitForSchedulers(30_000)]);
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, sink);
    report({
      fault: 'redis-server SIGKILL, restarted empty',
      inFlight: total,
      lost,
      doubled,
      secondsToDrain: seconds,
      note: `down ${((back - down) / 1000).toFixed(0)} s, ${sentWhileDown} sent before/while down; sweeps scheduled again ${schedulersBackIn.toFixed(1)} s after Redis returned`,
    });
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(seconds).toBeLessThan(30);
  });
});
