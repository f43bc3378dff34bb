import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';
import { report, rowsOf, tally, waitForSent, waitUntilSettled, workerEnv } from './support/outbox-fixture';
import { AppProcess } from '../support/app-process';
import { seedOutbox, workerUnderFault } from './support/worker-under-fault';

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
  const fault = workerUnderFault({ stallMs: 200 });

  it('loses nothing and doubles nothing', async () => {
    // 150 rows: three faults at 30, 60 and 90 sent, with sends in flight at each.
    const total = 150;
    const tenantId = await seedOutbox('db', total);
    fault.worker = await AppProcess.start('db-terminated', workerEnv({ SMTP_URL: `smtp://127.0.0.1:${fault.sink.port}` }));

    let terminated = 0;
    let faultEnded = Date.now();
    for (let round = 1; round <= 3; round++) {
      await waitForSent(tenantId, round * 30);
      for (let burst = 0; burst < 5; burst++) {
        terminated += await terminateWorkerBackends();
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      faultEnded = Date.now();
    }
    const seconds = await waitUntilSettled(tenantId, faultEnded);
    const rows = await rowsOf(tenantId);
    const { lost, doubled } = tally(rows, fault.sink);
    const log = readFileSync(join(__dirname, '..', '..', 'test-output', 'processes', 'db-terminated.log'), 'utf8');
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
