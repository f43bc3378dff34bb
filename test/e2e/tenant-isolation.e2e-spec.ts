import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { readTestEnv } from '../setup/test-env';
import { addMember, createClientAccount, signUpTenant } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

describe('tenant isolation', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it("answers 404 for another tenant's client account, and for another client's account", async () => {
    const { api } = stack;
    const a = await signUpTenant(api);
    const b = await signUpTenant(api);
    const bClient = await createClientAccount(api, b.owner.token);
    const aClient = await createClientAccount(api, a.owner.token);
    const aOther = await createClientAccount(api, a.owner.token);

    const crossTenant = await api.get(`/api/v1/client-accounts/${bClient}`, a.owner.token);
    expect(crossTenant.status).toBe(404);
    expect(JSON.stringify(crossTenant.body)).not.toContain(bClient);
    expect((await api.patch(`/api/v1/client-accounts/${bClient}`, { name: 'stolen' }, a.owner.token)).status).toBe(404);
    const list = await api.get('/api/v1/client-accounts', a.owner.token);
    expect(list.body.map((c: { id: string }) => c.id).sort()).toEqual([aClient, aOther].sort());

    const contact = await addMember(api, a.owner.token, 'client_admin', aClient);
    expect((await api.get(`/api/v1/client-accounts/${aClient}`, contact.token)).status).toBe(200);
    expect((await api.get(`/api/v1/client-accounts/${aOther}`, contact.token)).status).toBe(404);
    const own = await api.get('/api/v1/client-accounts', contact.token);
    expect(own.body.map((c: { id: string }) => c.id)).toEqual([aClient]);
    expect(own.body[0]).not.toHaveProperty('notes');
  });

  it('RLS holds under the runtime role even without a WHERE clause', async () => {
    const { api } = stack;
    const a = await signUpTenant(api);
    const b = await signUpTenant(api);
    await createClientAccount(api, b.owner.token);
    await api.post('/api/v1/invitations', { email: `x.${randomUUID().slice(0, 6)}@e2e.candor.test`, role: 'assistant' }, b.owner.token);

    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    try {
      const role = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owner = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
      expect(owner.rows[0].n).toBe(0);

      // Every table with a tenant_id column, read from the catalog: a new table is covered without editing this test.
      const tables = await client.query(
        `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
         ORDER BY 1`,
      );
      expect(tables.rows.length).toBeGreaterThanOrEqual(15);
      for (const { name, rls, forced } of tables.rows) expect({ name, rls, forced }).toEqual({ name, rls: true, forced: true });

      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
      for (const table of tables.rows.map((r: { name: string }) => r.name)) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [b.tenantId]);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
      const tenants = await client.query('SELECT id FROM tenants');
      expect(tenants.rows.map((r) => r.id)).toEqual([a.tenantId]);
      await client.query('SAVEPOINT s');
      await expect(
        client.query(`INSERT INTO client_accounts (tenant_id, id, name) VALUES ($1, $2, 'forged')`, [b.tenantId, randomUUID()]),
      ).rejects.toThrow(/row-level security/);
      await client.query('ROLLBACK');

      // No tenant set at all: nothing is visible.
      const unscoped = await client.query('SELECT count(*)::int AS n FROM client_accounts');
      expect(unscoped.rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
