import { randomUUID } from 'node:crypto';
import { createClientAccount, signUpTenant } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';
import { startStack, type Stack } from '../support/stack';

/*
 * PostgreSQL backends of the API are terminated (pg_terminate_backend, only the runtime role's
 * connections to THIS test database) while requests run. The API may answer 503 with Retry-After,
 * never another 5xx, and a change is all there or not there at all (its audit row with it).
 */
describe('database connections terminated under running requests', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ worker: false });
  });
  afterAll(() => stack.close());

  const terminateApiBackends = async (): Promise<number> => {
    const url = new URL(readTestEnv().appUrl);
    return withOwner(async (client) => {
      const result = await client.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = $1 AND usename = $2 AND pid <> pg_backend_pid()`,
        [url.pathname.slice(1), decodeURIComponent(url.username)],
      );
      return result.rowCount ?? 0;
    });
  };

  it('answers 2xx or 503 with Retry-After, and writes whole changes only', async () => {
    const tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const names: string[] = [];
    const outcomes: { status: number; retryAfter: string | null; name: string; id?: string }[] = [];
    let running = true;

    const worker = async () => {
      while (running) {
        const name = `Fault ${randomUUID()}`;
        names.push(name);
        const write = fetch(new URL('/api/v1/client-accounts', stack.api.baseUrl), {
          method: 'POST',
          headers: { authorization: `Bearer ${tenant.owner.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name, notes: 'written while the database drops connections' }),
        });
        const read = fetch(new URL(`/api/v1/client-accounts/${clientId}`, stack.api.baseUrl), {
          headers: { authorization: `Bearer ${tenant.owner.token}` },
        });
        for (const [response, isWrite] of [
          [await write, true],
          [await read, false],
        ] as const) {
          const body = (await response.json()) as { id?: string };
          outcomes.push({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            name: isWrite ? name : '',
            id: isWrite ? body.id : undefined,
          });
        }
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());
    let terminated = 0;
    for (let round = 0; round < 6; round++) {
      await new Promise((r) => setTimeout(r, 300));
      terminated += await terminateApiBackends();
    }
    await new Promise((r) => setTimeout(r, 300));
    running = false;
    await Promise.all(workers);

    expect(terminated).toBeGreaterThan(0);
    const unexpected = outcomes.filter((o) => o.status >= 500 && !(o.status === 503 && Number(o.retryAfter) > 0));
    expect(unexpected).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503).length;
    console.log(`terminated ${terminated} backends; ${outcomes.length} requests, ${unavailable} answered 503 with Retry-After`);

    // After the faults the API serves again, and every change is whole: a client account written
    // has its audit row; one answered 201 exists.
    expect((await stack.api.get(`/api/v1/client-accounts/${clientId}`, tenant.owner.token)).status).toBe(200);
    const rows = await withOwner(
      async (client) =>
        (
          await client.query(
            `SELECT c.id, c.name, (SELECT count(*)::int FROM audit_events a WHERE a.tenant_id = c.tenant_id AND a.entity_id = c.id AND a.action = 'client_account.created') AS audits
             FROM client_accounts c WHERE c.tenant_id = $1 AND c.name = ANY($2)`,
            [tenant.tenantId, names],
          )
        ).rows as { id: string; name: string; audits: number }[],
    );
    expect(rows.filter((r) => r.audits !== 1)).toEqual([]);
    const created = outcomes.filter((o) => o.status === 201).map((o) => o.id);
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(created));
  }, 120_000);
});
