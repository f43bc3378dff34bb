import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { setLocalTenantSql } from '@candor/db';
import { readTestEnv } from '../setup/test-env';
import {
  addComment,
  addMember,
  addRate,
  answerOffer,
  createClientAccount,
  createDeliverable,
  createDisclosure,
  createEngagement,
  createShareLink,
  createWorkLog,
  deliverVersion,
  disclosureStep,
  editWorkLog,
  expectStatus,
  insertEscalation,
  insertHeldNotification,
  insertWebhookDelivery,
  insertWebhookEndpoint,
  makeOffer,
  mondayOf,
  requestChanges,
  setRemedyPolicy,
  signUpTenant,
  submitWeek,
  uniqueEmail,
  zoneWellIntoMonth,
  type Api,
  type TenantFixture,
} from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** Every table with a tenant_id column, read from the catalog: a new table is covered without editing a test. */
const TENANT_TABLES = `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r'
    AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
  ORDER BY 1`;

/**
 * Puts rows of `tenant` into every tenant-owned table the product writes, through the API as its
 * users would: people, client, engagement (rates, assistants, retainer alert), time (weeks, an edit
 * trail, comments), a share link, a full disclosure (people, events, offer and credit, follow-ups),
 * a remedy policy, a deliverable (version, file, revision request), an invoice (lines, a payment, a credit note),
 * invitations and their emails, an API key.
 */
async function seedEverything(api: Api, tenant: TenantFixture): Promise<void> {
  const owner = tenant.owner.token;
  const clientId = await createClientAccount(api, owner);
  const assistant = await addMember(api, owner, 'assistant');
  const clientAdmin = await addMember(api, owner, 'client_admin', clientId);
  await expectStatus('invitation', api.post('/api/v1/invitations', { email: uniqueEmail('pending'), role: 'manager' }, owner));
  const { id: engagementId } = await createEngagement(api, owner, clientId, {
    assistantIds: [assistant.userId],
    retainerHoursPerMonth: '1',
  });
  await addRate(api, owner, engagementId, '50', '2031-01-01');

  // An hour within this month fills the one-hour retainer: an alert row.
  const entry = await createWorkLog(api, assistant.token, engagementId);
  await submitWeek(api, assistant.token, engagementId, mondayOf(new Date(entry.body.startedAt)));
  await editWorkLog(api, assistant.token, entry.id, { notes: 'Inbox triage and replies' });
  await addComment(api, clientAdmin.token, 'work-logs', entry.id);
  await createShareLink(api, owner, engagementId, { period: 'month', start: '2026-01-01' });
  await setRemedyPolicy(api, owner, engagementId, 'other');

  const d = (
    await createDisclosure(api, owner, engagementId, {
      category: 'missed_deadline',
      occurredAt: '2026-01-05T09:00:00Z',
      discoveredAt: '2026-01-05T10:00:00Z',
      whatHappened: 'We sent the report a day late.',
      impact: 'You had to move a meeting.',
      apology: 'We are sorry.',
      involvedUserIds: [assistant.userId],
    })
  ).id;
  await disclosureStep(api, owner, d, 'disclose');
  const offered = await makeOffer(api, owner, d, { kind: 'free_hours', value: '1' });
  await answerOffer(api, clientAdmin.token, offered.offers[0].id, 'accept');
  const due = new Date(Date.now() + 86_400_000).toISOString();
  await disclosureStep(api, owner, d, 'propose-remedy', { remedyPlan: 'We send it early next time.', remedyDueAt: due });
  await disclosureStep(api, clientAdmin.token, d, 'accept-remedy');
  await disclosureStep(api, owner, d, 'start-remediation');
  await disclosureStep(api, owner, d, 'resolve', { resolutionSummary: 'Sent, with an apology.' });

  const deliverable = await createDeliverable(api, owner, engagementId, { title: 'Newsletter' });
  await deliverVersion(api, owner, deliverable.id);
  await requestChanges(api, clientAdmin.token, deliverable.id, 'Shorter.');

  await expectStatus('API key', api.post('/api/v1/api-keys', { name: 'Sync', scope: 'read_only' }, owner));
  // An invoice issued, part-paid and partly credited: invoices, lines, payments and the number counters.
  const invoice = await expectStatus(
    'invoice',
    api.post('/api/v1/invoices', { clientAccountId: clientId, periodStart: '2019-01-01', periodEnd: '2019-01-31' }, owner),
  );
  const line = { reason: 'Setup', add: [{ description: 'Setup', quantity: '1', unit: 'item', unitPrice: '100' }] };
  await expectStatus('invoice line', api.patch(`/api/v1/invoices/${invoice.body.id}/lines`, line, owner));
  const issued = await expectStatus('issue', api.post(`/api/v1/invoices/${invoice.body.id}/issue`, {}, owner));
  const payment = { date: issued.body.issueDate, amount: '10', method: 'cash' };
  await expectStatus('payment', api.post(`/api/v1/invoices/${invoice.body.id}/payments`, payment, owner));
  await expectStatus('credit note', api.post(`/api/v1/invoices/${invoice.body.id}/credit-notes`, { reason: 'Goodwill' }, owner));

  await expectStatus('portal domain', api.post('/api/v1/domains', { hostname: `${tenant.slug}.isolation-agency.example` }, owner));
  await expectStatus('email preference', api.put('/api/v1/me/notification-preferences/disclosure_comment', { mode: 'digest' }, owner));
  await expectStatus('brand', api.patch('/api/v1/brand', { displayName: 'Isolated Assist', primaryColor: '#1f5fa8' }, owner));
  const me = await expectStatus('me', api.get('/api/v1/me', owner));

  // The overdue sweep's escalation is the worker's to write, and a held (digest) email the outbox
  // write's; both seeded behind the API as they would write them.
  await withOwner(async (db) => {
    await insertEscalation(db, { tenantId: tenant.tenantId, disclosureId: d, level: 1 });
    await insertHeldNotification(db, {
      tenantId: tenant.tenantId,
      userId: me.body.user.id,
      template: 'disclosure_comment',
      recipientEmail: me.body.user.email,
    });
    // A webhook's attempt is the worker's to log; the endpoint (turned off, so nothing is sent) is the owner's.
    await insertWebhookDelivery(db, {
      tenantId: tenant.tenantId,
      endpointId: await insertWebhookEndpoint(db, { tenantId: tenant.tenantId }),
    });
  });
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
    const routes = [
      '/api/v1/engagements',
      '/api/v1/client-accounts',
      '/api/v1/work-logs',
      '/api/v1/timesheet-weeks',
      '/api/v1/disclosures',
      '/api/v1/deliverables',
      '/api/v1/follow-ups',
      '/api/v1/members',
      '/api/v1/invitations',
    ];
    for (const path of routes) {
      const response = await api.get(path, token);
      // Refused, never shown the tenant: the role is read from the membership on every request, so a
      // token naming a role its membership does not hold is not a session (401); were it one, the scope
      // rule would refuse it (403).
      expect({
        path,
        refused: [401, 403].includes(response.status),
        data: Array.isArray(response.body) || Array.isArray(response.body?.items),
      }).toEqual({
        path,
        refused: true,
        data: false,
      });
    }
  });

  it('RLS holds under the runtime role even without a WHERE clause, with tenant B seeded in every tenant-owned table', async () => {
    const { api } = stack;
    const a = await signUpTenant(api);
    // Its zone keeps the seed's last hour in this month, which its retainer alert needs.
    const b = await signUpTenant(api, { timeZone: zoneWellIntoMonth('UTC') });
    await seedEverything(api, b);

    // The check below means something only if B has rows everywhere: a table the seed misses fails here, by name.
    const seeded = await withOwner(async (db) => {
      const tables = (await db.query(TENANT_TABLES)).rows.map((r: { name: string }) => r.name);
      const counts: Record<string, number> = {};
      for (const table of tables)
        counts[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [b.tenantId])).rows[0].n;
      return counts;
    });
    expect(
      Object.entries(seeded)
        .filter(([, n]) => n === 0)
        .map(([table]) => table),
    ).toEqual([]);

    const client = new Client({ connectionString: readTestEnv().appUrl });
    await client.connect();
    try {
      const role = await client.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
      const owner = await client.query(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
      );
      expect(owner.rows[0].n).toBe(0);

      const tables = await client.query(TENANT_TABLES);
      expect(tables.rows.length).toBeGreaterThanOrEqual(15);
      for (const { name, rls, forced } of tables.rows) expect({ name, rls, forced }).toEqual({ name, rls: true, forced: true });

      await client.query('BEGIN');
      // The statement withTenant issues (SET LOCAL, which Citus forwards to its workers).
      await client.query(setLocalTenantSql(a.tenantId));
      for (const table of tables.rows.map((r: { name: string }) => r.name)) {
        // Without a WHERE at all: RLS alone must hide B's rows.
        const { rows } = await client.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE tenant_id <> $1)::int AS foreign FROM ${table}`,
          [a.tenantId],
        );
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
