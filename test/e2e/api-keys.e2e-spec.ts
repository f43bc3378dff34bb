import { createHash } from 'node:crypto';
import {
  addMember,
  createApiKey,
  createClientAccount,
  createDisclosure,
  createEngagement,
  createWorkLog,
  disclosureStep,
  mondayOf,
  signUpTenant,
  submitWeek,
  type Member,
  type TenantFixture,
} from '../support/factories';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const LIMIT = 25;
const day = (offset: number) => new Date(Date.UTC(2026, 0, 5 + offset)).toISOString().slice(0, 10);

/**
 * Integrations' API keys against the real API: each scope allowed and refused on representative routes
 * (403 beyond it), the account and key routes out of every key's reach, a client's decision never a
 * key's, revocation and expiry at once (401), tenant A's key never reaching tenant B (404), one rate
 * limit per key (429 + Retry-After), last use noted at most once a minute, and audit rows naming the key.
 */
describe('API keys', () => {
  let stack: Stack;
  let a: TenantFixture;
  let manager: Member;
  let assistant: Member;
  let clientAdmin: Member;
  let engagementId: string;
  let weekId: string;
  let disclosureId: string;
  const b = { engagementId: '', workLogId: '', disclosureId: '', keyId: '', tenantId: '' };

  const call = (method: string, path: string, key: string, body?: unknown) => stack.api.request(method, path, { token: key, body });

  beforeAll(async () => {
    stack = await startStack({ env: { API_KEY_LIMIT_PER_MINUTE: String(LIMIT) } });
    const { api } = stack;
    a = await signUpTenant(api);
    const clientId = await createClientAccount(api, a.owner.token);
    manager = await addMember(api, a.owner.token, 'manager');
    assistant = await addMember(api, a.owner.token, 'assistant');
    clientAdmin = await addMember(api, a.owner.token, 'client_admin', clientId);
    engagementId = (await createEngagement(api, a.owner.token, clientId, { assistantIds: [assistant.userId] })).id;
    const entry = await createWorkLog(api, assistant.token, engagementId, {
      startedAt: `${day(0)}T09:00:00Z`,
      endedAt: `${day(0)}T10:00:00Z`,
    });
    weekId = (await submitWeek(api, assistant.token, engagementId, mondayOf(new Date(entry.body.startedAt)))).id;
    disclosureId = (await createDisclosure(api, a.owner.token, engagementId)).id;
    await disclosureStep(api, a.owner.token, disclosureId, 'disclose');

    const other = await signUpTenant(api);
    b.tenantId = other.tenantId;
    const bClient = await createClientAccount(api, other.owner.token);
    b.engagementId = (await createEngagement(api, other.owner.token, bClient)).id;
    b.workLogId = (await createWorkLog(api, other.owner.token, b.engagementId)).id;
    b.disclosureId = (await createDisclosure(api, other.owner.token, b.engagementId)).id;
    b.keyId = (await createApiKey(api, other.owner.token, 'full')).id;
  }, 120_000);
  afterAll(() => stack.close());

  it('lets owners and managers create a key whose secret is shown once and stored only as its sha-256', async () => {
    const created = await stack.api.post('/api/v1/api-keys', { name: 'Toggl sync', scope: 'read_only' }, manager.token);
    expect(created.status).toBe(201);
    const { secret, prefix, id } = created.body;
    expect(secret).toMatch(/^cnd_live_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(created.body).toMatchObject({ name: 'Toggl sync', scope: 'read_only', lastUsedAt: null, revokedAt: null });

    const list = await stack.api.get('/api/v1/api-keys', a.owner.token);
    expect(list.status).toBe(200);
    const listed = list.body.find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ prefix, scope: 'read_only', createdBy: { id: manager.userId } });
    expect(JSON.stringify(list.body)).not.toContain(secret);
    expect(JSON.stringify(list.body)).not.toContain(createHash('sha256').update(secret).digest('hex'));

    const row = await withOwner((db) => db.query('SELECT * FROM api_keys WHERE id = $1', [id]));
    expect(row.rows[0].hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row.rows[0])).not.toContain(secret);
    const audit = await withOwner((db) => db.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [id]));
    expect(audit.rows).toEqual([{ action: 'api_key.created' }]);
  });

  it('refuses key management to assistants and client users, and bad input with a plain message', async () => {
    expect((await stack.api.post('/api/v1/api-keys', { name: 'x', scope: 'full' }, assistant.token)).status).toBe(403);
    expect((await stack.api.get('/api/v1/api-keys', clientAdmin.token)).status).toBe(403);
    const unknown = await stack.api.post('/api/v1/api-keys', { name: 'x', scope: 'admin' }, manager.token);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'scope' });
    const past = await stack.api.post('/api/v1/api-keys', { name: 'x', scope: 'full', expiresAt: '2020-01-01T00:00:00Z' }, manager.token);
    expect(past.status).toBe(400);
    expect(past.body.message).toMatch(/expiry date must be in the future/i);
  });

  it('gives a read-only key every read a manager has and no write (403)', async () => {
    const { secret } = await createApiKey(stack.api, manager.token, 'read_only');
    for (const path of [
      '/api/v1/engagements',
      `/api/v1/engagements/${engagementId}`,
      '/api/v1/work-logs',
      `/api/v1/disclosures/${disclosureId}`,
    ]) {
      expect([path, (await call('GET', path, secret)).status]).toEqual([path, 200]);
    }
    const write = await call('POST', '/api/v1/work-logs', secret, {
      engagementId,
      startedAt: `${day(1)}T09:00:00Z`,
      endedAt: `${day(1)}T10:00:00Z`,
    });
    expect(write.status).toBe(403);
    expect(write.body.message).toBe('You do not have access to do this');
    expect((await call('POST', '/api/v1/client-accounts', secret, { name: 'Nope' })).status).toBe(403);
  });

  it('lets a time-entries key log and remove time, but not touch disclosures or engagements', async () => {
    const { secret } = await createApiKey(stack.api, manager.token, 'time_entries');
    const logged = await call('POST', '/api/v1/work-logs', secret, {
      engagementId,
      startedAt: `${day(2)}T09:00:00Z`,
      endedAt: `${day(2)}T10:00:00Z`,
      notes: 'Synced',
    });
    expect(logged.status).toBe(201);
    expect((await call('DELETE', `/api/v1/work-logs/${logged.body.id}`, secret)).status).toBe(204);
    expect((await call('POST', '/api/v1/disclosures', secret, { engagementId })).status).toBe(403);
    expect((await call('PATCH', `/api/v1/engagements/${engagementId}`, secret, { title: 'Renamed' })).status).toBe(403);
  });

  it('lets a disclosures key draft a disclosure, but not log time', async () => {
    const { secret } = await createApiKey(stack.api, manager.token, 'disclosures');
    const drafted = await createDisclosure(stack.api, secret, engagementId);
    expect(drafted.body.status).toBe('draft');
    const write = await call('POST', '/api/v1/work-logs', secret, {
      engagementId,
      startedAt: `${day(3)}T09:00:00Z`,
      endedAt: `${day(3)}T10:00:00Z`,
    });
    expect(write.status).toBe(403);
  });

  it("gives a full key a manager's rights, never the owner's nor people's roles, and records it on audit rows", async () => {
    const { id, secret } = await createApiKey(stack.api, a.owner.token, 'full');
    const client = await call('POST', '/api/v1/client-accounts', secret, { name: 'Made by a key' });
    expect(client.status).toBe(201);
    const audit = await withOwner((db) =>
      db.query(`SELECT actor_user_id, actor_api_key_id FROM audit_events WHERE tenant_id = $1 AND entity_id = $2`, [
        a.tenantId,
        client.body.id,
      ]),
    );
    expect(audit.rows).toEqual([{ actor_user_id: expect.any(String), actor_api_key_id: id }]);
    const trail = await stack.api.get(`/api/v1/audit-events?entityType=client_account&entityId=${client.body.id}`, a.owner.token);
    expect(trail.body.items).toEqual([expect.objectContaining({ action: 'client_account.created', apiKey: { id, name: 'full key' } })]);
    expect((await call('PATCH', '/api/v1/tenant', secret, { settings: { timerLimitHours: 10 } })).status).toBe(403);
    expect((await call('PATCH', `/api/v1/members/${assistant.userId}`, secret, { role: 'manager' })).status).toBe(403);
    expect((await call('POST', '/api/v1/invitations', secret, { email: 'new@e2e.candor.test', role: 'assistant' })).status).toBe(403);
  });

  it('never lets a key reach the account, security or key routes, whatever its scope', async () => {
    const { secret } = await createApiKey(stack.api, a.owner.token, 'full');
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/me/sessions'],
      ['GET', '/api/v1/me/two-factor'],
      ['GET', '/api/v1/api-keys'],
      ['POST', '/api/v1/api-keys'],
    ] as const) {
      const body = method === 'POST' ? { name: 'Child key', scope: 'full' } : undefined;
      expect([path, (await call(method, path, secret, body)).status]).toEqual([path, 403]);
    }
  });

  it("never signs for the client: a key cannot approve the client's week", async () => {
    const { secret } = await createApiKey(stack.api, a.owner.token, 'full');
    const approved = await call('POST', `/api/v1/timesheet-weeks/${weekId}/approve`, secret, {});
    expect(approved.status).toBe(403);
    const week = await stack.api.get(`/api/v1/timesheet-weeks/${weekId}`, a.owner.token);
    expect(week.body.status).toBe('submitted');
  });

  it('refuses a revoked key on its very next request (401), whichever header carries it', async () => {
    const { id, secret } = await createApiKey(stack.api, manager.token, 'read_only');
    const viaHeader = await fetch(new URL('/api/v1/engagements', stack.api.baseUrl), { headers: { 'x-api-key': secret } });
    expect(viaHeader.status).toBe(200);
    expect((await call('GET', '/api/v1/engagements', secret)).status).toBe(200);

    const revoked = await stack.api.delete(`/api/v1/api-keys/${id}`, manager.token);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await call('GET', '/api/v1/engagements', secret);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toMatch(/API key is not valid/);
    expect((await fetch(new URL('/api/v1/engagements', stack.api.baseUrl), { headers: { 'x-api-key': secret } })).status).toBe(401);
    expect((await stack.api.delete(`/api/v1/api-keys/${id}`, manager.token)).status).toBe(409);
    // A made-up key of the right shape, and a malformed one, are refused alike.
    expect((await call('GET', '/api/v1/engagements', `cnd_live_${'A'.repeat(43)}`)).status).toBe(401);
    expect((await call('GET', '/api/v1/engagements', 'cnd_live_short')).status).toBe(401);
  });

  it('refuses an expired key, and a key whose creator is no longer a manager', async () => {
    const expiring = await createApiKey(stack.api, manager.token, 'read_only', {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await call('GET', '/api/v1/engagements', expiring.secret)).status).toBe(200);
    await withOwner((db) => db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]));
    expect((await call('GET', '/api/v1/engagements', expiring.secret)).status).toBe(401);

    const other = await addMember(stack.api, a.owner.token, 'manager');
    const key = await createApiKey(stack.api, other.token, 'read_only');
    expect((await call('GET', '/api/v1/engagements', key.secret)).status).toBe(200);
    expect((await stack.api.patch(`/api/v1/members/${other.userId}`, { role: 'assistant' }, a.owner.token)).status).toBe(204);
    expect((await call('GET', '/api/v1/engagements', key.secret)).status).toBe(401);
  });

  it("never lets tenant A's key read or change tenant B's objects (404)", async () => {
    const { secret } = await createApiKey(stack.api, a.owner.token, 'full');
    for (const path of [
      `/api/v1/engagements/${b.engagementId}`,
      `/api/v1/work-logs/${b.workLogId}`,
      `/api/v1/disclosures/${b.disclosureId}`,
    ]) {
      expect([path, (await call('GET', path, secret)).status]).toEqual([path, 404]);
    }
    expect((await call('PATCH', `/api/v1/work-logs/${b.workLogId}`, secret, { notes: 'stolen', reason: 'Taken over' })).status).toBe(404);
    const list = await call('GET', '/api/v1/engagements', secret);
    expect(JSON.stringify(list.body)).not.toContain(b.engagementId);
    // Nor may A's managers see or revoke B's keys.
    expect((await stack.api.delete(`/api/v1/api-keys/${b.keyId}`, a.owner.token)).status).toBe(404);
    const bKey = await withOwner((db) => db.query('SELECT revoked_at FROM api_keys WHERE id = $1', [b.keyId]));
    expect(bKey.rows[0].revoked_at).toBeNull();
  });

  it('limits each key on its own: over the budget 429 with Retry-After, another key unaffected', async () => {
    const busy = await createApiKey(stack.api, manager.token, 'read_only');
    const calm = await createApiKey(stack.api, manager.token, 'read_only');
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await call('GET', '/api/v1/tenant', busy.secret)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await fetch(new URL('/api/v1/tenant', stack.api.baseUrl), { headers: { authorization: `Bearer ${busy.secret}` } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(/Too many requests with this API key/);
    expect((await call('GET', '/api/v1/tenant', calm.secret)).status).toBe(200);
    // A person's session is not counted against keys.
    expect((await stack.api.get('/api/v1/tenant', manager.token)).status).toBe(200);
  });

  it('notes when a key was last used, at most once a minute', async () => {
    const { id, secret } = await createApiKey(stack.api, manager.token, 'read_only');
    const lastUsed = async () =>
      (await withOwner((db) => db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [id]))).rows[0].last_used_at;
    expect(await lastUsed()).toBeNull();
    await call('GET', '/api/v1/engagements', secret);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await call('GET', '/api/v1/engagements', secret);
    expect(await lastUsed()).toEqual(first);
    await withOwner((db) => db.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [id]));
    await call('GET', '/api/v1/engagements', secret);
    expect((await lastUsed()).getTime()).toBeGreaterThan(Date.now() - 30_000);
    const listed = (await stack.api.get('/api/v1/api-keys', manager.token)).body.find((k: { id: string }) => k.id === id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
  });
});
