import {
  addMember,
  createClientAccount,
  createDisclosure,
  createEngagement,
  createWorkLog,
  signUpTenant,
  type TenantFixture,
} from '../support/factories';
import { multipartBody, SAMPLE, uploadVersion } from '@candor/testing';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

// Each request below answered 500 before the fix. Each must now be a 4xx that names the field it is
// about with a code the web translates, and must write nothing.
const WRITTEN = ['tenants', 'users', 'client_accounts', 'engagements', 'work_logs', 'disclosures', 'deliverables', 'audit_events'];

// Tenant tables are read for this file's tenant only: the worker's sweeps write to other files' tenants in
// this database at any moment. Notifications are counted, not hashed: the worker updates their delivery state.
const GLOBAL = new Set(['tenants', 'users']);
const snapshot = (tenantId: string) =>
  withOwner(async (client) => {
    const scope = (t: string) => (GLOBAL.has(t) ? '' : ' WHERE tenant_id = $1');
    const parts = WRITTEN.map(
      (t) => `(SELECT md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) FROM ${t} x${scope(t)}) AS ${t}`,
    );
    parts.push('(SELECT count(*)::int FROM notifications WHERE tenant_id = $1) AS notifications');
    return (await client.query(`SELECT ${parts.join(', ')}`, [tenantId])).rows[0] as Record<string, string>;
  });

describe('bad input never answers 5xx', () => {
  let stack: Stack;
  let tenant: TenantFixture;
  let engagementId: string;
  let workLogId: string;
  let disclosureId: string;

  beforeAll(async () => {
    stack = await startStack();
    tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    engagementId = (await createEngagement(stack.api, tenant.owner.token, clientId)).id;
    const at = { startedAt: '2026-11-23T08:00:00Z', endedAt: '2026-11-23T09:00:00Z', notes: 'Inbox' };
    workLogId = (await createWorkLog(stack.api, tenant.owner.token, engagementId, at)).id;
    // Discovered just now: a draft past the tenant's deadline would be escalated by the worker's sweep (an audit
    // row and emails for this tenant) at any moment, between a test's two snapshots.
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const discovered = { occurredAt: minutesAgo(60), discoveredAt: minutesAgo(1), whatHappened: 'A typo went out' };
    disclosureId = (await createDisclosure(stack.api, tenant.owner.token, engagementId, discovered)).id;
  });
  afterAll(() => stack.close());

  const refused = async (method: string, path: string, body: unknown, field?: string) => {
    const before = await snapshot(tenant.tenantId);
    const response = await stack.api.request(method, path, { body, token: tenant.owner.token });
    expect({ path, status: response.status }).toEqual({ path, status: 400 });
    expect(Array.isArray(response.body.errors)).toBe(true);
    for (const error of response.body.errors) expect(typeof error.code).toBe('string');
    if (field) expect(response.body.errors.map((e: { field?: string }) => e.field)).toContain(field);
    expect(await snapshot(tenant.tenantId)).toEqual(before);
    return response;
  };

  it('refuses a NUL byte in any text, body or query', async () => {
    await refused('PATCH', `/api/v1/work-logs/${workLogId}`, { notes: 'a\u0000b' }, 'notes');
    await refused('POST', '/api/v1/client-accounts', { name: 'Acme\u0000' }, 'name');
    await refused('GET', '/api/v1/lessons?q=a%00b', undefined, 'q');
    await refused('GET', '/api/v1/work-logs?status=draft%00', undefined, 'status');
  });

  it('refuses a lone UTF-16 surrogate', async () => {
    await refused('POST', '/api/v1/client-accounts', { name: 'Acme \ud800' }, 'name');
    await refused('PATCH', `/api/v1/disclosures/${disclosureId}`, { impact: '\udfff' }, 'impact');
  });

  it('refuses text that is only whitespace, and a display name of only spaces', async () => {
    await refused('POST', '/api/v1/client-accounts', { name: '   ' }, 'name');
    await refused('PATCH', '/api/v1/me', { displayName: '    ' }, 'displayName');
    await refused('PATCH', '/api/v1/tenant', { name: ' \t ' }, 'name');
  });

  it('refuses null in optional PATCH fields, and an empty PATCH /tenant', async () => {
    await refused('PATCH', '/api/v1/tenant', { name: null }, 'name');
    await refused('PATCH', '/api/v1/tenant', { settings: null }, 'settings');
    await refused('PATCH', `/api/v1/work-logs/${workLogId}`, { startedAt: null }, 'startedAt');
    await refused('PATCH', `/api/v1/engagements/${engagementId}`, { name: null }, 'name');
    await refused('PATCH', '/api/v1/tenant', {});
    const before = await snapshot(tenant.tenantId);
    const empty = await fetch(new URL('/api/v1/tenant', stack.api.baseUrl), {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tenant.owner.token}`, 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(400);
    expect(await snapshot(tenant.tenantId)).toEqual(before);
  });

  it('refuses ISO-8601 dates the API cannot take', async () => {
    for (const date of ['2026-W48', '2026-335', '2026-01', '0000-11-23T08:00:00Z', '2026-W48-1T08:00:00Z', '+275760-09-13T00:00:00Z']) {
      await refused('POST', '/api/v1/work-logs', { engagementId, startedAt: date, endedAt: '2026-11-23T09:00:00Z' }, 'startedAt');
    }
    await refused('GET', '/api/v1/work-logs?from=2026-W48', undefined, 'from');
    await refused('GET', '/api/v1/disclosure-analytics?from=0000-01-01', undefined, 'from');
  });

  it('refuses a forged keyset cursor with an absurd date', async () => {
    for (const at of ['+275760-09-13T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z']) {
      const cursor = Buffer.from(`${at}|00000000-0000-4000-8000-000000000000`).toString('base64url');
      await refused('GET', `/api/v1/work-logs?cursor=${cursor}`, undefined, 'cursor');
      await refused('GET', `/api/v1/audit-events?cursor=${cursor}`, undefined, 'cursor');
    }
  });

  it('refuses a retainer of 0 hours', async () => {
    await refused('PATCH', `/api/v1/engagements/${engagementId}`, { retainerHoursPerMonth: '0' }, 'retainerHoursPerMonth');
    expect((await stack.api.get(`/api/v1/engagements/${engagementId}`, tenant.owner.token)).status).toBe(200);
  });

  it('refuses JSON nested 20,000 levels deep', async () => {
    const deep = '{"name":'.repeat(1) + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const before = await snapshot(tenant.tenantId);
    const response = await fetch(new URL('/api/v1/client-accounts', stack.api.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.owner.token}`, 'content-type': 'application/json' },
      body: deep,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].code).toBe('too_deep');
    expect(await snapshot(tenant.tenantId)).toEqual(before);
  });

  describe('multipart uploads', () => {
    let deliverableId: string;
    beforeAll(async () => {
      const created = await stack.api.post('/api/v1/deliverables', { engagementId, title: 'Newsletter' }, tenant.owner.token);
      expect(created.status).toBe(201);
      deliverableId = created.body.id;
    });
    const post = async (body: Buffer, contentType: string) => {
      const before = await snapshot(tenant.tenantId);
      const response = await fetch(new URL(`/api/v1/deliverables/${deliverableId}/versions`, stack.api.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.owner.token}`, 'content-type': contentType },
        body,
      });
      const json = await response.json();
      expect(json.errors[0].code).toEqual(expect.any(String));
      expect(await snapshot(tenant.tenantId)).toEqual(before);
      return response.status;
    };

    it('refuses too many fields', async () => {
      const fields = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, 'x']));
      const { body, contentType } = multipartBody(fields, [SAMPLE.pdf()]);
      expect(await post(body, contentType)).toBe(413);
    });

    it('refuses a truncated body', async () => {
      const { body, contentType } = multipartBody({ changeSummary: 'First draft' }, [SAMPLE.pdf()]);
      expect(await post(body.subarray(0, body.length - 30), contentType)).toBe(400);
    });

    it('refuses NUL and blank text in its fields (a lone surrogate cannot survive UTF-8 multipart)', async () => {
      for (const changeSummary of ['a\u0000b', '   ']) {
        const before = await snapshot(tenant.tenantId);
        const response = await uploadVersion(stack.api.baseUrl, deliverableId, tenant.owner.token, { changeSummary }, [SAMPLE.pdf()]);
        expect(response.status).toBe(400);
        expect(response.body.errors[0]).toEqual(expect.objectContaining({ field: 'changeSummary' }));
        expect(await snapshot(tenant.tenantId)).toEqual(before);
      }
    });
  });

  it('answers errors in one shape: a code per error, the field, and a message without role identifiers', async () => {
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const bad = await stack.api.post(
      '/api/v1/engagements',
      { clientAccountId: clientId, name: 'x', currency: 'EURO', hourlyRate: 'lots' },
      tenant.owner.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'currency' }),
        expect.objectContaining({ field: 'hourlyRate', code: 'invalid_format' }),
      ]),
    );
    // People read the messages: the field name stays in `field`, never in the sentence.
    expect(bad.body.errors).toContainEqual(
      expect.objectContaining({ field: 'hourlyRate', message: expect.stringMatching(/^This field must be a non-negative amount/) }),
    );
    expect(JSON.stringify([bad.body.message, bad.body.errors.map((e: { message: string }) => e.message)])).not.toMatch(
      /hourlyRate|clientAccountId/,
    );
    const unknown = await stack.api.post('/api/v1/client-accounts', { name: 'Acme', surprise: 1 }, tenant.owner.token);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ code: 'unknown_field', field: 'surprise' })]);
    const anonymous = await stack.api.get('/api/v1/tenant');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors).toEqual([expect.objectContaining({ code: 'unauthenticated' })]);
    // Refusals by the HTTP layer itself (a broken JSON body, one over the size limit) have the same shape.
    for (const [body, status] of [
      ['{"name": "Acme",', 400],
      [JSON.stringify({ name: 'x'.repeat(1_100_000) }), 413],
    ] as const) {
      const response = await fetch(new URL('/api/v1/client-accounts', stack.api.baseUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${tenant.owner.token}`, 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(status);
      expect((await response.json()).errors).toEqual([expect.objectContaining({ code: expect.any(String) })]);
    }
    const member = await addMember(stack.api, tenant.owner.token, 'client_member', clientId);
    const refusedRead = await stack.api.get('/api/v1/tenant', member.token);
    expect(refusedRead.status).toBe(403);
    expect(refusedRead.body.errors).toEqual([{ code: 'forbidden', message: 'You do not have access to do this' }]);
    expect(JSON.stringify(refusedRead.body)).not.toMatch(/client_member|Tenant/);
  });
});
