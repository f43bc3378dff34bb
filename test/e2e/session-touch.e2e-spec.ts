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

  it('writes every last-seen time, in any order, without a deadlock', async () => {
    const reversed = [...sessions].reverse();
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.allSettled([touch(first, sessions), touch(second, reversed)]);
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok']);
    }
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
