import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { dataSourceOptions, withTenant } from '@candor/db';
import { insertMembership, insertSession, insertUser } from '@candor/testing';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';

/**
 * Issue 20: withTenant sends a transaction's opening (START TRANSACTION and the tenant's SET LOCAL) in front of
 * its first statement, in one round trip, as the runtime role row-level security applies to. The tenant must
 * still scope that first statement, a failure must leave nothing behind on the pooled connection, and a
 * transaction that sends nothing must send nothing at all.
 */
describe('a tenant transaction opened with its first statement', () => {
  const tenants = [randomUUID(), randomUUID()];
  let dataSource: DataSource;
  const sent: unknown[] = [];
  const original = pg.Client.prototype.query;

  beforeAll(async () => {
    await withOwner(async (db) => {
      for (const [i, id] of tenants.entries()) {
        await db.query(`INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)`, [id, `Opening ${i}`, `opening-${id.slice(0, 8)}`]);
        await db.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, $3)`, [id, randomUUID(), `Client of ${i}`]);
      }
    });
    // One pooled connection, so every transaction below meets what the one before it left.
    dataSource = new DataSource({ ...dataSourceOptions(readTestEnv().appUrl), extra: { max: 1 } });
    await dataSource.initialize();
    pg.Client.prototype.query = function query(this: pg.Client, ...args: unknown[]) {
      sent.push(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
  });
  afterAll(async () => {
    pg.Client.prototype.query = original;
    await dataSource?.destroy();
  });
  beforeEach(() => {
    sent.length = 0;
  });

  /** An owner of `tenantId` signed in: the claims a token of theirs carries. */
  const signedInOwner = (tenantId: string) =>
    withOwner(async (db) => {
      const userId = await insertUser(db, { email: `opening-${randomUUID()}@example.test`, displayName: 'Opening', passwordHash: 'x' });
      await insertMembership(db, { tenantId, userId, role: 'owner' });
      return { sessionId: await insertSession(db, { tenantId, userId }), userId, role: 'owner', clientAccountId: null };
    });

  const names = (tenantId: string) =>
    withTenant(dataSource, tenantId, async (m) => (await m.query(`SELECT name FROM client_accounts ORDER BY name`)) as { name: string }[]);

  it('scopes the first statement to the tenant, in one round trip with the opening', async () => {
    expect(await names(tenants[0]!)).toEqual([{ name: 'Client of 0' }]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      opening: ['START TRANSACTION', `SET LOCAL app.tenant_id = '${tenants[0]}'`],
      text: 'SELECT name FROM client_accounts ORDER BY name',
    });
    expect(sent[1]).toBe('COMMIT');
    expect(await names(tenants[1]!)).toEqual([{ name: 'Client of 1' }]);
  });

  it('keeps the later statements in the same transaction and tenant', async () => {
    const read = `SELECT txid_current()::text AS tx, current_setting('app.tenant_id') AS tenant`;
    const [first, second] = await withTenant(dataSource, tenants[1]!, async (m) => [
      ((await m.query(read)) as unknown[])[0],
      ((await m.query(`${read} WHERE $1::int = 7`, [7])) as unknown[])[0],
    ]);
    expect(first).toEqual({ tx: expect.any(String), tenant: tenants[1] });
    expect(second).toEqual(first);
    expect(sent).toHaveLength(3);
  });

  it('rolls back when the first statement fails, and the connection carries nothing into the next transaction', async () => {
    const id = randomUUID();
    await expect(
      withTenant(dataSource, tenants[0]!, async (m) => {
        await m.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, 'Never kept'), ($1, $2, 'Never kept either')`, [
          tenants[0],
          id,
        ]);
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(sent.at(-1)).toBe('ROLLBACK');
    const after = await withOwner(
      async (db) => (await db.query(`SELECT count(*)::int AS n FROM client_accounts WHERE id = $1`, [id])).rows,
    );
    expect(after).toEqual([{ n: 0 }]);
    expect(await names(tenants[1]!)).toEqual([{ name: 'Client of 1' }]);
    const [state] = (await dataSource.query(
      `SELECT current_setting('app.tenant_id', true) AS tenant, now() = statement_timestamp() AS fresh`,
    )) as {
      tenant: string | null;
      fresh: boolean;
    }[];
    expect(state).toEqual({ tenant: '', fresh: true });
  });

  it('refuses to write another tenant’s row in the first statement', async () => {
    await expect(
      withTenant(dataSource, tenants[0]!, (m) =>
        m.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, 'Forged')`, [tenants[1], randomUUID()]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('sends nothing for a transaction that sends no statement, and still runs a statement of several parts', async () => {
    expect(await withTenant(dataSource, tenants[0]!, async () => 'nothing read')).toBe('nothing read');
    expect(sent).toEqual([]);
    await expect(withTenant(dataSource, tenants[0]!, async () => Promise.reject(new Error('refused before reading')))).rejects.toThrow(
      'refused before reading',
    );
    expect(sent).toEqual([]);
    await withTenant(dataSource, tenants[1]!, (m) => m.query(`SELECT 1; SELECT 2`));
    expect(sent).toEqual([`START TRANSACTION; SET LOCAL app.tenant_id = '${tenants[1]}'`, 'SELECT 1; SELECT 2', 'COMMIT']);
  });

  it('confirms a session in the opening, even for a transaction that sends no statement, and refuses a revoked one', async () => {
    const session = await signedInOwner(tenants[0]!);
    const { sessionId, userId } = session;
    sent.length = 0;
    const confirm = `CALL auth_session_confirm('${tenants[0]}', '${sessionId}', '${userId}', 'owner', NULL)`;

    expect(
      await withTenant(dataSource, tenants[0]!, async (m) => (await m.query(`SELECT name FROM client_accounts`)).length, { session }),
    ).toBe(1);
    expect(sent[0]).toMatchObject({ opening: ['START TRANSACTION', `SET LOCAL app.tenant_id = '${tenants[0]}'`, confirm] });
    sent.length = 0;
    expect(await withTenant(dataSource, tenants[0]!, async () => 'nothing read', { session })).toBe('nothing read');
    expect(sent).toEqual([
      expect.objectContaining({ opening: ['START TRANSACTION', `SET LOCAL app.tenant_id = '${tenants[0]}'`, confirm], text: 'COMMIT' }),
    ]);

    const refused = expect.objectContaining({ driverError: expect.objectContaining({ code: 'CS401' }) });
    await expect(
      withTenant(dataSource, tenants[0]!, async () => 'nothing read', { session: { ...session, role: 'manager' } }),
    ).rejects.toEqual(refused);
    await withOwner((db) => db.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1`, [sessionId]));
    sent.length = 0;
    await expect(withTenant(dataSource, tenants[0]!, async () => 'nothing read', { session })).rejects.toEqual(refused);
    let reached = false;
    await expect(
      withTenant(
        dataSource,
        tenants[0]!,
        async (m) => {
          await m.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, 'After revocation')`, [
            tenants[0],
            randomUUID(),
          ]);
          reached = true;
        },
        { session },
      ),
    ).rejects.toEqual(refused);
    expect(reached).toBe(false);
    const stored = await withOwner((db) => db.query(`SELECT 1 FROM client_accounts WHERE name = 'After revocation'`));
    expect(stored.rows).toEqual([]);
    // The connection is clean for the next transaction.
    expect(await names(tenants[1]!)).toEqual([{ name: 'Client of 1' }]);
  });

  it('runs read-only work a statement at a time, each opened and committed in its own round trip, and refuses a write', async () => {
    const tenant = `SET LOCAL app.tenant_id = '${tenants[1]}'`;
    const read = `SELECT current_setting('app.tenant_id') AS tenant, current_setting('transaction_read_only') AS ro`;
    const answers = await withTenant(dataSource, tenants[1]!, async (m) => [await m.query(read), await m.query(read)], { readOnly: true });
    expect(answers).toEqual([[{ tenant: tenants[1], ro: 'on' }], [{ tenant: tenants[1], ro: 'on' }]]);
    const opened = expect.objectContaining({
      opening: ['START TRANSACTION', tenant, 'SET LOCAL transaction_read_only = on'],
      text: read,
      closing: ['COMMIT'],
    });
    expect(sent).toEqual([opened, opened]);

    sent.length = 0;
    await expect(
      withTenant(
        dataSource,
        tenants[1]!,
        (m) => m.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, 'Read only')`, [tenants[1], randomUUID()]),
        {
          readOnly: true,
        },
      ),
    ).rejects.toEqual(expect.objectContaining({ driverError: expect.objectContaining({ code: '25006' }) }));
    // The failed statement left its transaction open: the ROLLBACK reached the server, and the connection is clean.
    expect(sent).toEqual([expect.objectContaining({ closing: ['COMMIT'] }), 'ROLLBACK']);
    expect(await names(tenants[1]!)).toEqual([{ name: 'Client of 1' }]);
  });

  it('reads a statement per transaction in read-only work, one at a time even when started together', async () => {
    const read = `SELECT current_setting('app.tenant_id') AS tenant, current_setting('transaction_read_only') AS ro, now()::text AS began`;
    const [first, second] = (await withTenant(dataSource, tenants[0]!, (m) => Promise.all([m.query(read), m.query(read)]), {
      readOnly: true,
    })) as { tenant: string; ro: string; began: string }[][];
    expect([first![0]!.tenant, second![0]!.tenant, first![0]!.ro, second![0]!.ro]).toEqual([tenants[0], tenants[0], 'on', 'on']);
    // Each its own transaction: their transactions began at different moments.
    expect(first![0]!.began).not.toBe(second![0]!.began);
  });

  describe('with a session to confirm', () => {
    let session: Awaited<ReturnType<typeof signedInOwner>>;
    const refused = expect.objectContaining({ driverError: expect.objectContaining({ code: 'CS401' }) });
    beforeAll(async () => {
      session = await signedInOwner(tenants[1]!);
    });

    it("holds no lock on the session row: a revocation does not wait for a long request's transaction", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const request = withTenant(
        dataSource,
        tenants[1]!,
        async (m) => {
          await m.query(`SELECT 1`);
          await held;
        },
        { session },
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const revoked = await withOwner(async (db) => {
        await db.query(`SET lock_timeout = '2s'`);
        return db.query(`UPDATE sessions SET revoked_at = now() WHERE tenant_id = $1 AND id = $2`, [tenants[1], session.sessionId]);
      }).finally(release);
      expect(revoked.rowCount).toBe(1);
      await request;
    });

    it("answers the session's refusal, not the error of work that failed before reaching the database", async () => {
      // Revoked by the test above.
      sent.length = 0;
      await expect(
        withTenant(dataSource, tenants[1]!, async () => Promise.reject(new Error('bad input, found before any statement')), { session }),
      ).rejects.toEqual(refused);
      expect(await names(tenants[1]!)).toEqual([{ name: 'Client of 1' }]);
    });
  });
});
