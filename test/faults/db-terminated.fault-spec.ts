import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';
import { FaultSink } from './support/fault-sink';
import { addNotifications, recipients, report, rowsOf, seedTenant, tally, waitForSent, waitUntilSettled, workerEnv } from './support/outbox-fixture';
import { WorkerProcess } from './support/worker-process';

/** Terminates every backend the worker holds on this run's database (no other database, not our own). */
async function terminateWorkerBackends(): Promise<number> {
  const runtimeUser = new URL(readTestEnv().appUrl).username;
  return withOwner(async (client) => {
    const { rows } = await client.query(
      `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = $1`,
      [runtimeUser],
    );
    return rows.length;
  });
}

/**
 * PostgreSQL backends of the worker are terminated three times (each a burst of five) while sends
 * are in flight. No row lock is held across SMTP, and "sent" is written on a fresh connection if the
 * one under it dies, so a terminated connection after the 250 never causes a second email.
 */
describe('fault: PostgreSQL backends are terminated mid-stream', () => {
  const sink = new FaultSink({ stallMs: 200 });
  let worker: WorkerProcess | null = null;
  beforeAll(() => sink.start());
  afterAll(async () => {
    await worker?.kill();
    await sink.stop();
  });

  it('loses nothing and doubles nothing', async () => {
    const total = 300;
    const tenantId = await seedTenant('db');
    await addNotifications(tenantId, recipients('db', total));
    worker = await WorkerProcess.start('db-terminated', workerEnv({ SMTP_URL: `smtp://127.0.0.1:${sink.port}` }));

    let terminated = 0;
    let faultEnded = Date.now();
    for (let fault = 1; fault <= 3; fault++) {
      await waitForSent(tenantId, fault * 50);
      for (let burst = 0; burst < 5; burst++) {
        terminated += await terminateWorkerBackends();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      faultEnded = Date.now();
    }
    const seconds = await waitUntilSettled(tenantId, faultEnded);
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, sink);
    const log = readFileSync(join(__dirname, '..', '..', 'test-output', 'faults', 'db-terminated.log'), 'utf8');
    const rewrites = (log.match(/could not record the email as sent; retrying/g) ?? []).length;
    report({
      fault: 'PostgreSQL backends terminated 3x5',
      inFlight: total,
      lost,
      doubled,
      secondsToDrain: seconds,
      note: `${terminated} backends terminated; "sent" rewritten on a fresh connection ${rewrites} time(s)`,
    });
    expect(terminated).toBeGreaterThan(0);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    expect(seconds).toBeLessThan(30);
  });
});
