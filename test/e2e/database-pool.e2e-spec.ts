import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { startStack, type Stack } from '../support/stack';

/** The pg pool behind a TypeORM data source. */
const poolOf = (source: DataSource) => (source.driver as unknown as { master: Pool & { options: Record<string, unknown> } }).master;

/**
 * Issue 20: a new PostgreSQL backend spends ~0.1 s of CPU warming its caches. With pg's default idle timeout (10 s) the
 * pools closed their connections in every lull, and the first second of traffic after it paid for a dozen new ones
 * (p95 118-165 ms against 9-14 ms warm, bench/README.md). The pools now keep them DATABASE_POOL_IDLE_SECONDS (600 s).
 */
describe('database pools', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });

  it("keep the API's and the worker's idle connections as long as DATABASE_POOL_IDLE_SECONDS says, and name them", async () => {
    // The suite's stacks close idle connections after 10 s (test/support/stack.ts); 600 s is the apps' default.
    stack = await startStack({ env: { DATABASE_POOL_IDLE_SECONDS: '600' } });
    const api = stack.app.get(DataSource);
    const worker = stack.worker!.dataSource;
    expect(poolOf(api).options).toMatchObject({ idleTimeoutMillis: 600_000, keepAlive: true, application_name: 'candor-api' });
    expect(poolOf(worker).options).toMatchObject({ idleTimeoutMillis: 600_000, keepAlive: true, application_name: 'candor-worker' });
    // PostgreSQL sees the names, through the suite's PgBouncer too (it sets each client's application_name on the server connection it lends).
    const nameOf = async (source: DataSource) =>
      (await source.query<{ application_name: string }[]>(`SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()`))[0]
        ?.application_name;
    expect(await nameOf(api)).toBe('candor-api');
    expect(await nameOf(worker)).toBe('candor-worker');
  });

  it('close a connection idle for DATABASE_POOL_IDLE_SECONDS', async () => {
    stack = await startStack({ worker: false, env: { DATABASE_POOL_IDLE_SECONDS: '1' } });
    const source = stack.app.get(DataSource);
    const pool = poolOf(source);
    await Promise.all([1, 2, 3].map(() => source.query('SELECT pg_sleep(0.05)')));
    expect(pool.totalCount).toBeGreaterThanOrEqual(2);
    await sleep(1_600);
    expect(pool.totalCount).toBe(0);
  });
});
