import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { readTestEnv } from '../setup/test-env';
import type { Api } from '../support/api-client';
import { addMember, createClientAccount, createEngagement, signUpTenant, uniqueEmail, type TenantFixture } from '../support/factories';
import { SAMPLE, uploadVersion } from '../support/multipart';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** Every table with a tenant_id column, read from the catalog: a new table is covered without editing a test. */
const TENANT_TABLES = `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r'
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  ORDER BY 1`;

/** Fails the arrangement loudly: a seed that silently did nothing would make the isolation check empty. */
async function ok<T extends { status: number; body: any }>(what: string, response: Promise<T>, status = [200, 201, 204]): Promise<T> {
  const r = await response;
  if (!status.includes(r.status)) throw new Error(`seed ${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r;
}

/**
 * Puts rows of `tenant` into every tenant-owned table the product writes, through the API as its
 * users would: people, client, engagement (rates, assistants, retainer alert), time (weeks, an edit
 * trail, comments), a share link, a full disclosure (people, events, offer and credit, follow-ups),
 * a remedy policy, a deliverable (version, file, revision request), invitations and their emails.
 */
async function seedEverything(api: Api, tenant: TenantFixture): Promise<void> {
  const owner = tenant.owner.token;
  const clientId = await createClientAccount(api, owner);
  const assistant = await addMember(api, owner, 'assistant');
  const clientAdmin = await addMember(api, owner, 'client_admin', clientId);
  await ok('invitation', api.post('/api/v1/invitations', { email: uniqueEmail('pending'), role: 'manager' }, owner));
  const engagement = await createEngagement(api, owner, clientId, { assistantIds: [assistant.userId], retainerHoursPerMonth: '1' });
  const engagementId = engagement.id;
  await ok('rate', api.post(`/api/v1/engagements/${engagementId}/rates`, { hourlyRate: '50', effectiveFrom: '2031-01-01' }, owner));

  // An hour within this month fills the one-hour retainer: an alert row.
  const end = new Date(Date.now() - 60_000);
  const start = new Date(end.getTime() - 3_600_000);
  const entry = await ok(
    'work log',
    api.post('/api/v1/work-logs', { engagementId, startedAt: start.toISOString(), endedAt: end.toISOString(), notes: 'Inbox triage' }, assistant.token),
  );
  await ok('week', api.post('/api/v1/timesheet-weeks', { engagementId, weekStart: mondayOf(start) }, assistant.token));
  await ok('revision', api.patch(`/api/v1/work-logs/${entry.body.id}`, { notes: 'Inbox triage and replies', reason: 'Clearer notes' }, assistant.token));
  await ok('comment', api.post(`/api/v1/work-logs/${entry.body.id}/comments`, { body: 'Thanks' }, clientAdmin.token));
  await ok('share link', api.post(`/api/v1/engagements/${engagementId}/share-links`, { period: 'month', start: '2026-01-01' }, owner));
  await ok('remedy policy', api.put(`/api/v1/engagements/${engagementId}/remedy-policies/other`, { remedyPlan: 'We fix it within a day.', remedyDueHours: 24 }, owner));

  const disclosure = await ok(
    'disclosure',
    api.post(
      '/api/v1/disclosures',
      {
        engagementId,
        category: 'missed_deadline',
        severity: 'low',
        occurredAt: '2026-01-05T09:00:00Z',
        discoveredAt: '2026-01-05T10:00:00Z',
        whatHappened: 'We sent the report a day late.',
        impact: 'You had to move a meeting.',
        apology: 'We are sorry.',
        involvedUserIds: [assistant.userId],
      },
      owner,
    ),
  );
  const d = disclosure.body.id as string;
  await ok('disclose', api.post(`/api/v1/disclosures/${d}/disclose`, {}, owner));
  const offered = await ok('offer', api.post(`/api/v1/disclosures/${d}/offers`, { kind: 'free_hours', value: '1' }, owner));
  await ok('credit', api.post(`/api/v1/compensation-offers/${offered.body.offers[0].id}/accept`, {}, clientAdmin.token));
  const due = new Date(Date.now() + 86_400_000).toISOString();
  await ok('propose', api.post(`/api/v1/disclosures/${d}/propose-remedy`, { remedyPlan: 'We send it early next time.', remedyDueAt: due }, owner));
  await ok('accept remedy', api.post(`/api/v1/disclosures/${d}/accept-remedy`, {}, clientAdmin.token));
  await ok('remediate', api.post(`/api/v1/disclosures/${d}/start-remediation`, {}, owner));
  await ok('resolve', api.post(`/api/v1/disclosures/${d}/resolve`, { resolutionSummary: 'Sent, with an apology.' }, owner));

  const deliverable = await ok('deliverable', api.post('/api/v1/deliverables', { engagementId, title: 'Newsletter' }, owner));
  await ok('version', uploadVersion(api.baseUrl, deliverable.body.id, owner, { changeSummary: 'First draft.' }, [SAMPLE.pdf()]));
  await ok('revision request', api.post(`/api/v1/deliverables/${deliverable.body.id}/request-changes`, { comment: 'Shorter.' }, clientAdmin.token));

  await ok('email preference', api.put('/api/v1/me/notification-preferences/disclosure_comment', { mode: 'digest' }, owner));
  const me = await ok('me', api.get('/api/v1/me', owner));

  // The overdue sweep's escalation is the worker's to write, and a held (digest) email the outbox
  // write's; both seeded behind the API as they would write them.
  await withOwner(async (db) => {
    await db.query(`INSERT INTO disclosure_escalations (tenant_id, disclosure_id, level) VALUES ($1, $2, 1)`, [tenant.tenantId, d]);
    await db.query(
      `INSERT INTO held_notifications (tenant_id, id, user_id, kind, template, recipient_email, locale) VALUES ($1, $2, $3, 'digest', 'disclosure_comment', $4, 'en')`,
      [tenant.tenantId, randomUUID(), me.body.user.id, me.body.user.email],
    );
  });
}

/** The Monday of the week a moment falls in (a new tenant keeps time in UTC). */
function mondayOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

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

  it('fails closed: a client role without a client account is refused everywhere, never shown the tenant', async () => {
    const { api } = stack;
    const a = await signUpTenant(api);
    await seedEverything(api, a);
    const member = await addMember(api, a.owner.token, 'client_member', await createClientAccount(api, a.owner.token));
    // A validly signed token whose client account is missing: the scope cannot be computed.
    const token = await stack.app.get(JwtService).signAsync({ sub: member.userId, tid: a.tenantId, role: 'client_admin', cid: null });
    const routes = ['/api/v1/engagements', '/api/v1/client-accounts', '/api/v1/work-logs', '/api/v1/timesheet-weeks', '/api/v1/disclosures', '/api/v1/deliverables', '/api/v1/follow-ups', '/api/v1/members', '/api/v1/invitations'];
    for (const path of routes) {
      const response = await api.get(path, token);
      // Refused, never shown the tenant: the role is read from the membership on every request, so a
      // token naming a role its membership does not hold is not a session (401); were it one, the scope
      // rule would refuse it (403).
      expect({ path, refused: [401, 403].includes(response.status), data: Array.isArray(response.body) || Array.isArray(response.body?.items) }).toEqual({
        path,
        refused: true,
        data: false,
      });
    }
  });

  it('RLS holds under the runtime role even without a WHERE clause, with tenant B seeded in every tenant-owned table', async () => {
    const { api } = stack;
    const a = await signUpTenant(api);
    const b = await signUpTenant(api);
    await seedEverything(api, b);

    // The check below means something only if B has rows everywhere: a table the seed misses fails here, by name.
    const seeded = await withOwner(async (db) => {
      const tables = (await db.query(TENANT_TABLES)).rows.map((r: { name: string }) => r.name);
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [b.tenantId])).rows[0].n;
      return counts;
    });
    expect(Object.entries(seeded).filter(([, n]) => n === 0).map(([table]) => table)).toEqual([]);

    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    try {
      const role = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owner = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
      expect(owner.rows[0].n).toBe(0);

      const tables = await client.query(TENANT_TABLES);
      expect(tables.rows.length).toBeGreaterThanOrEqual(15);
      for (const { name, rls, forced } of tables.rows) expect({ name, rls, forced }).toEqual({ name, rls: true, forced: true });

      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
      for (const table of tables.rows.map((r: { name: string }) => r.name)) {
        // Without a WHERE at all: RLS alone must hide B's rows.
        const { rows } = await client.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id <> $1)::int AS foreign FROM ${table}`, [a.tenantId]);
        expect({ table, foreign: rows[0].foreign }).toEqual({ table, foreign: 0 });
        expect(seeded[table]).toBeGreaterThan(0);
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
