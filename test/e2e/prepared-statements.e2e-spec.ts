import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, namePreparedStatements, prepared, SESSION_REFUSED, withTenant } from '@candor/db';
import { readTestEnv } from '../setup/test-env';
import {
  addMember,
  createClientAccount,
  createEngagement,
  createWorkLog,
  discloseNew,
  signUpTenant,
  submitWeek,
  type TenantFixture,
} from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** Every Parse message pg sends in this process (the API runs in it too): its statement's name and text, and its connection. */
const parses: { name?: string; text: string; connection?: number }[] = [];
const connectionIds = new Map<object, number>();
const originalParse = pg.Connection.prototype.parse;
beforeAll(() => {
  pg.Connection.prototype.parse = function parse(this: pg.Connection, config: { name?: string; text: string }, ...rest: unknown[]) {
    if (!connectionIds.has(this)) connectionIds.set(this, connectionIds.size + 1);
    if (config.name) parses.push({ name: config.name, text: config.text, connection: connectionIds.get(this) });
    else parses.push({ name: undefined, text: config.text });
    return (originalParse as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof originalParse;
});
afterAll(() => {
  pg.Connection.prototype.parse = originalParse;
});
const parsesOf = (text: string) => parses.filter((p) => p.text === text);

/**
 * Issue 20: the hot reads run as named prepared statements (`prepared`), parsed and planned once per connection,
 * on connections straight to PostgreSQL (a pooler in transaction mode before PgBouncer 1.21 cannot keep them).
 * Row-level security must scope every execution of a statement planned once, and a refused opening in front
 * of a statement's first Parse must leave the connection able to run it.
 */
describe('named prepared statements under the tenant opening', () => {
  const tenants = [randomUUID(), randomUUID()];
  const sources: DataSource[] = [];

  /** One direct pooled connection that names the `prepared` texts, or not. */
  const oneConnection = async (named: boolean) => {
    const source = new DataSource({
      ...dataSourceOptions(readTestEnv().directAppUrl),
      extra: { max: 1, ...(named && { onConnect: namePreparedStatements }) },
    });
    sources.push(await source.initialize());
    return source;
  };

  beforeAll(async () => {
    await withOwner(async (db) => {
      for (const [i, id] of tenants.entries()) {
        await db.query(`INSERT INTO tenants (id, name, slug) VALUES ($1, $2, $3)`, [id, `Prepared ${i}`, `prepared-${id.slice(0, 8)}`]);
        await db.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, $3)`, [id, randomUUID(), `Client of ${i}`]);
      }
    });
  });
  afterAll(async () => {
    for (const source of sources) await source.destroy();
  });

  // Only row-level security scopes it: the plan made once (generic after five custom ones) must test each run's tenant.
  const clientNames = prepared(`SELECT name FROM client_accounts WHERE name LIKE $1 ORDER BY name`);
  const read = (source: DataSource, tenant: number, options = {}) =>
    withTenant(source, tenants[tenant]!, (m) => m.query(clientNames, ['Client of %']) as Promise<{ name: string }[]>, options);

  /** Each tenant reads through `source` its own row only. */
  const expectEachOwn = async (source: DataSource) => {
    expect(await read(source, 1)).toEqual([{ name: 'Client of 1' }]);
    expect(await read(source, 0)).toEqual([{ name: 'Client of 0' }]);
  };

  it("parses a marked text once on a connection, and each run reads its own tenant's rows", async () => {
    const source = await oneConnection(true);
    const before = parsesOf(clientNames).length;
    // Past PostgreSQL's five custom plans, into the generic one it keeps.
    for (let run = 0; run < 8; run++) {
      const tenant = run % 2;
      expect(await read(source, tenant)).toEqual([{ name: `Client of ${tenant}` }]);
    }
    const named = parsesOf(clientNames).slice(before);
    expect(named).toEqual([{ name: expect.stringMatching(/^candor_\d+$/), text: clientNames, connection: expect.any(Number) }]);
  });

  it('keeps a statement parsed in front of a refused opening, and runs it next without a Parse', async () => {
    const source = await oneConnection(true);
    const before = parsesOf(clientNames).length;
    const stranger = { sessionId: randomUUID(), userId: randomUUID(), role: 'owner', clientAccountId: null };
    await expect(read(source, 0, { session: stranger })).rejects.toMatchObject({ driverError: { code: SESSION_REFUSED } });
    await expectEachOwn(source);
    expect(parsesOf(clientNames).slice(before)).toHaveLength(1);
  });

  it('parses a statement again after the server lost it, failing only the query that found it gone', async () => {
    const source = await oneConnection(true);
    const before = parsesOf(clientNames).length;
    expect(await read(source, 0)).toEqual([{ name: 'Client of 0' }]);
    // Dropped behind pg's back (as pg itself does when a value fails to serialise after the Parse).
    await withTenant(source, tenants[0]!, (m) => m.query('DEALLOCATE ALL'));
    await expect(read(source, 0)).rejects.toMatchObject({ driverError: { code: '26000' } });
    await expectEachOwn(source);
    expect(parsesOf(clientNames).slice(before)).toHaveLength(2);
  });

  it('sends a marked text unnamed on a connection that does not name statements', async () => {
    const source = await oneConnection(false);
    const before = parsesOf(clientNames).length;
    await expectEachOwn(source);
    expect(parsesOf(clientNames).slice(before)).toEqual([
      { name: undefined, text: clientNames },
      { name: undefined, text: clientNames },
    ]);
  });
});

describe('the hot reads through the API, planned once', () => {
  let named: Stack, plain: Stack, tenant: TenantFixture, engagementId: string;
  let clientAdmin: { token: string }, assistant: { token: string; userId: string };
  const WEEK = '2026-11-02';

  beforeAll(async () => {
    named = await startStack({ env: { DATABASE_URL: readTestEnv().directAppUrl, DATABASE_PREPARED_STATEMENTS: 'true' } });
    plain = await startStack({ worker: false, env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
    const { api } = named;
    tenant = await signUpTenant(api);
    const clientId = await createClientAccount(api, tenant.owner.token);
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);
    engagementId = (await createEngagement(api, tenant.owner.token, clientId, { assistantIds: [assistant.userId] })).id;
    await createWorkLog(api, assistant.token, engagementId, { startedAt: '2026-11-03T09:00:00Z', endedAt: '2026-11-03T10:00:00Z' });
    await createWorkLog(api, assistant.token, engagementId, { startedAt: '2026-11-04T09:00:00Z', endedAt: '2026-11-04T09:30:00Z' });
    await discloseNew(api, tenant.owner.token, engagementId, { occurredAt: '2026-11-02T09:00:00Z', discoveredAt: '2026-11-02T12:00:00Z' });
    await submitWeek(api, assistant.token, engagementId, WEEK);
    // Another tenant's client, whose pages run the same statements: never a row of the first.
    const other = await signUpTenant(api);
    await createEngagement(api, other.owner.token, await createClientAccount(api, other.owner.token));
  });
  afterAll(async () => {
    await plain?.close();
    await named?.close();
  });

  it('answers each role as a stack without them, run after run, and parses each page once per connection', async () => {
    const routes = [
      '/api/v1/work-logs?limit=50',
      '/api/v1/disclosures?limit=50',
      `/api/v1/engagements/${engagementId}/timesheet?period=week&start=${WEEK}`,
    ];
    const before = parses.length;
    let requests = 0;
    for (let run = 0; run < 7; run++) {
      for (const token of [tenant.owner.token, clientAdmin.token, assistant.token]) {
        for (const path of routes) {
          const [fast, slow] = await Promise.all([named.api.get(path, token), plain.api.get(path, token)]);
          expect({ path, status: fast.status }).toEqual({ path, status: 200 });
          expect(fast.body).toEqual(slow.body);
          requests += 1;
        }
      }
    }
    const namedParses = parses.slice(before).filter((p) => p.name);
    // Each statement is parsed at most once on each pooled connection, however many requests ran it there.
    expect(namedParses.length).toBeGreaterThan(0);
    const pairs = namedParses.map((p) => `${p.connection} ${p.name}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(namedParses.length).toBeLessThan(requests);
    const client = (await named.api.get('/api/v1/work-logs?limit=50', clientAdmin.token)).body;
    expect(client.items).toHaveLength(2);
  });
});
