import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { insertSession, insertUser } from '@candor/testing';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';

/**
 * Every API process gathers the sessions it confirmed and writes their last-seen times together, once a minute
 * (auth_session_touch). Two processes (replicas, or a cluster) that saw the same sessions gather them in different
 * orders: the procedure must lock them in one order, or the two touches deadlock and one is rolled back.
 */
describe('touching the same sessions from two API processes at once', () => {
  const tenants = [randomUUID(), randomUUID()];
  const sessions: { tenantId: string; id: string }[] = [];
  let first: Client;
  let second: Client;

  beforeAll(async () => {
    await withOwner(async (db) => {
      for (const [i, tenantId] of tenants.entries()) {
        await db.query(`INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)`, [
          tenantId,
          `Touch ${i}`,
          `touch-${tenantId.slice(0, 8)}`,
        ]);
        const userId = await insertUser(db, { email: `touch-${tenantId}@example.test`, displayName: `Touch ${i}`, passwordHash: 'x' });
        for (let s = 0; s < 100; s++) sessions.push({ tenantId, id: await insertSession(db, { tenantId, userId }) });
      }
      await db.query(`UPDATE sessions SET last_seen_at = now() - interval '1 hour' WHERE tenant_id = ANY($1::uuid[])`, [tenants]);
    });
    // Straight to PostgreSQL: each client its own session, as two API processes' pools are.
    [first, second] = [
      new Client({ connectionString: readTestEnv().directAppUrl }),
      new Client({ connectionString: readTestEnv().directAppUrl }),
    ];
    await Promise.all([first.connect(), second.connect()]);
  });
  afterAll(async () => {
    await Promise.all([first?.end(), second?.end()]);
    await withOwner((db) => db.query(`DELETE FROM tenants WHERE id = ANY($1::uuid[])`, [tenants]));
  });

  const touch = (client: Client, list: readonly { tenantId: string; id: string }[]) =>
    client.query('CALL auth_session_touch($1::uuid[], $2::uuid[])', [list.map((s) => s.tenantId), list.map((s) => s.id)]);

  /** Resolves once `client`'s backend waits for a lock (it is blocked behind the other touch). */
  const waitingForLock = async (client: Client) => {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    return async () => {
      for (let i = 0; i < 200; i++) {
        const waiting = await withOwner(
          async (db) => (await db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])).rows[0],
        );
        if (waiting?.wait_event_type === 'Lock') return;
        await new Promise((done) => setTimeout(done, 25));
      }
      throw new Error('the second touch never waited for a lock');
    };
  };

  it('lets two touches of the same sessions, given in opposite orders, wait for each other instead of deadlocking', async () => {
    // Key order, as PostgreSQL compares (tenant_id, id): uuids compare as their hex text does.
    const ordered = [...sessions].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.id.localeCompare(b.id));
    const [lowest, highest] = [ordered[0]!, ordered[ordered.length - 1]!];
    const secondWaits = await waitingForLock(second);
    // The first process's touch has locked the lowest session and is still going (its transaction open).
    await first.query('BEGIN');
    await touch(first, [lowest]);
    // The second process touches the same sessions highest first: in the order given, it would lock the highest,
    // then wait for the lowest; in key order it waits for the lowest holding nothing.
    const secondTouch = touch(second, [highest, lowest]);
    await secondWaits();
    // The first touch goes on to the highest: a deadlock if the second holds it.
    const firstGoesOn = await touch(first, [highest]).then(
      () => 'ok',
      (error: unknown) => String(error),
    );
    await first.query(firstGoesOn === 'ok' ? 'COMMIT' : 'ROLLBACK');
    const secondEnds = await secondTouch.then(
      () => 'ok',
      (error: unknown) => String(error),
    );
    expect([firstGoesOn, secondEnds]).toEqual(['ok', 'ok']);
  });

  it('writes every last-seen time it is given, in any order', async () => {
    await Promise.all([touch(first, sessions), touch(second, [...sessions].reverse())]);
    const stale = await withOwner(
      async (db) =>
        (
          await db.query(
            `SELECT count(*)::int AS n FROM sessions WHERE tenant_id = ANY($1::uuid[]) AND last_seen_at < now() - interval '1 minute'`,
            [tenants],
          )
        ).rows[0].n as number,
    );
    expect(stale).toBe(0);
  });

  it('still leaves a revoked session as it was', async () => {
    const [revoked] = sessions;
    const before = await withOwner(async (db) => {
      await db.query(`UPDATE sessions SET revoked_at = now(), last_seen_at = now() - interval '1 hour' WHERE tenant_id = $1 AND id = $2`, [
        revoked!.tenantId,
        revoked!.id,
      ]);
      return (await db.query(`SELECT last_seen_at FROM sessions WHERE tenant_id = $1 AND id = $2`, [revoked!.tenantId, revoked!.id]))
        .rows[0].last_seen_at as Date;
    });
    await touch(first, [revoked!, revoked!]);
    const after = await withOwner(
      async (db) =>
        (await db.query(`SELECT last_seen_at FROM sessions WHERE tenant_id = $1 AND id = $2`, [revoked!.tenantId, revoked!.id])).rows[0]
          .last_seen_at as Date,
    );
    expect(after).toEqual(before);
  });
});
