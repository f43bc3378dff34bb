import { Webhook } from 'standardwebhooks';
import {
  addMember,
  createClientAccount,
  createEngagement,
  createWorkLog,
  mondayOf,
  signUpTenant,
  submitWeek,
  type TenantFixture,
} from '../support/factories';
import { Client } from 'pg';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';
import { startStack, type Stack } from '../support/stack';
import { eventually, WebhookReceiver, type Received } from '../support/webhook-receiver';

/** Verifies a received webhook with the Standard Webhooks library, as a customer would; answers its payload. */
function verified(secret: string, received: Received): { type: string; version: number; timestamp: string; data: any } {
  const headers = {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(received.body, headers) as never;
}

const idOf = (received: Received) => String(received.headers['webhook-id']);

/** An advisory lock key of this file's own (the deadlock test holds the worker's outcome with it). */
const HOLD_KEY = 7_300_917;

/**
 * Outbound webhooks end to end: the real API and worker, a local receiver on 127.0.0.1 (allowed by
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS), short timeouts and retry waits; then a stack without the
 * allow-list for the SSRF refusals. The timeout leaves room for a busy machine (an answer read after
 * it is a failed attempt, retried: a second delivery), and the retry window outlasts the time an
 * endpoint may fail before it is turned off, however slowly the attempts come.
 */
describe('outbound webhooks', () => {
  let stack: Stack;
  let receiver: WebhookReceiver;
  let tenant: TenantFixture;
  let outsider: TenantFixture;

  const register = async (path: string, events: string[] = ['member.joined']) => {
    const created = await stack.api.post(
      '/api/v1/webhook-endpoints',
      { url: receiver.url(path), events, description: path },
      tenant.owner.token,
    );
    expect(created.status).toBe(201);
    return created.body as { endpoint: { id: string }; secret: string };
  };
  const deliveries = async (endpointId: string) =>
    (await stack.api.get(`/api/v1/webhook-endpoints/${endpointId}/deliveries`, tenant.owner.token)).body as any[];

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    stack = await startStack({
      env: {
        WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8',
        WEBHOOK_TIMEOUT_MS: '1000',
        WEBHOOK_LEASE_MS: '5000',
        WEBHOOK_RETRY_SCHEDULE_MS: '300',
        WEBHOOK_RETRY_WINDOW_MS: '60000',
        WEBHOOK_DISABLE_AFTER_MS: '2000',
      },
    });
    tenant = await signUpTenant(stack.api);
    outsider = await signUpTenant(stack.api);
  }, 60_000);
  afterAll(async () => {
    await stack.close();
    await receiver.close();
  });

  it('shows the secret once, and delivers each change once, signed, to the endpoints subscribed to it', async () => {
    const { endpoint, secret } = await register('/members');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const other = await register('/weeks', ['week.submitted']);
    const listed = await stack.api.get('/api/v1/webhook-endpoints', tenant.owner.token);
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(6, 20));
    expect(listed.body.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([endpoint.id, other.endpoint.id]));

    const member = await addMember(stack.api, tenant.owner.token, 'assistant');
    const [hook] = await eventually(() => (receiver.at('/members').length ? receiver.at('/members') : null), 15_000, 'the webhook');
    const payload = verified(secret, hook);
    expect(payload).toMatchObject({
      type: 'member.joined',
      version: 1,
      data: { userId: member.userId, email: member.email, role: 'assistant' },
    });
    expect(() => verified(other.secret, hook)).toThrow();
    // Once per change: nothing more comes, and the endpoint not subscribed got nothing.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.at('/members')).toHaveLength(1);
    expect(receiver.at('/weeks')).toHaveLength(0);
    const log = await deliveries(endpoint.id);
    expect(log).toEqual([
      expect.objectContaining({ eventId: idOf(hook), type: 'member.joined', attempt: 1, succeeded: true, responseStatus: 200 }),
    ]);
  }, 60_000);

  it('sends a week submitted and then approved, each once, with the week as staff see it; a refused approval sends nothing', async () => {
    const { secret } = await register('/weeks-flow', ['week.submitted', 'week.approved']);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const assistant = await addMember(stack.api, tenant.owner.token, 'assistant');
    const clientAdmin = await addMember(stack.api, tenant.owner.token, 'client_admin', clientId);
    const engagement = await createEngagement(stack.api, tenant.owner.token, clientId, { assistantIds: [assistant.userId] });
    const entry = await createWorkLog(stack.api, assistant.token, engagement.id);
    const week = await submitWeek(stack.api, assistant.token, engagement.id, mondayOf(new Date(entry.body.startedAt)));
    // The assistant may not approve: refused, and no webhook for it.
    expect((await stack.api.post(`/api/v1/timesheet-weeks/${week.id}/approve`, {}, assistant.token)).status).toBe(403);
    expect((await stack.api.post(`/api/v1/timesheet-weeks/${week.id}/approve`, {}, clientAdmin.token)).status).toBe(200);
    const calls = await eventually(() => (receiver.at('/weeks-flow').length >= 2 ? receiver.at('/weeks-flow') : null));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(receiver.at('/weeks-flow')).toHaveLength(2);
    const payloads = calls.map((call) => verified(secret, call));
    expect(payloads.map((p) => p.type).sort()).toEqual(['week.approved', 'week.submitted']);
    for (const p of payloads)
      expect(p.data).toMatchObject({ id: week.id, engagementId: engagement.id, assistant: { id: assistant.userId } });
    expect(payloads.find((p) => p.type === 'week.approved')!.data.status).toBe('approved');
  }, 60_000);

  it('retries after a 500 and after a timeout with the same webhook-id, logging each attempt', async () => {
    receiver.on('/flaky', (n) => (n === 0 ? { status: 500, body: 'database down' } : { status: 204 }));
    receiver.on('/slow', (n) => (n === 0 ? { status: 200, hangMs: 2500 } : { status: 200, body: 'ok' }));
    for (const path of ['/flaky', '/slow']) {
      const { endpoint, secret } = await register(path);
      expect((await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token)).status).toBe(202);
      const calls = await eventually(() => (receiver.at(path).length >= 2 ? receiver.at(path) : null), 15_000, `the retry of ${path}`);
      expect(new Set(calls.map(idOf)).size).toBe(1);
      for (const call of calls) expect(verified(secret, call).type).toBe('webhook.test');
      const log = await eventually(async () => ((await deliveries(endpoint.id)).length >= 2 ? deliveries(endpoint.id) : null));
      expect(log.map((d) => d.succeeded)).toEqual([true, false]);
      expect(log[0].eventStatus).toBe('delivered');
      if (path === '/flaky') expect(log[1]).toMatchObject({ responseStatus: 500, responseBody: 'database down' });
      else expect(log[1]).toMatchObject({ responseStatus: null, error: 'no answer within 1000 ms' });
    }
  }, 60_000);

  it('counts a 2xx as delivered even when the rest of its body comes after the timeout: sent once', async () => {
    receiver.on('/trickle', () => ({ status: 200, body: 'accepted', trickleMs: 2500 }));
    const { endpoint } = await register('/trickle', ['week.disputed']);
    await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
    const log = await eventually(async () => ((await deliveries(endpoint.id)).length ? deliveries(endpoint.id) : null));
    // A retry would follow the first attempt's record 300 ms later.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.at('/trickle')).toHaveLength(1);
    expect(log).toEqual([expect.objectContaining({ attempt: 1, succeeded: true, responseStatus: 200, responseBody: 'accepted' })]);
    expect(await deliveries(endpoint.id)).toHaveLength(1);
  }, 30_000);

  it('redelivers with the same webhook-id, and signs with the old and new secrets during a rotation', async () => {
    const { endpoint, secret } = await register('/again');
    const sent = await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
    await eventually(() => receiver.at('/again').length === 1);
    await eventually(
      async () =>
        (await stack.api.get(`/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, tenant.owner.token)).body[0]?.eventStatus ===
        'delivered',
    );

    const rotated = await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {}, tenant.owner.token);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    expect(new Date(rotated.body.endpoint.previousSecretExpiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    const again = await stack.api.post(`/api/v1/webhook-events/${sent.body.id}/redeliver`, {}, tenant.owner.token);
    expect(again.status).toBe(202);
    const calls = await eventually(() => (receiver.at('/again').length === 2 ? receiver.at('/again') : null));
    expect(idOf(calls[1])).toBe(sent.body.id);
    expect(idOf(calls[0])).toBe(sent.body.id);
    expect(verified(secret, calls[1]).type).toBe('webhook.test');
    expect(verified(rotated.body.secret, calls[1]).type).toBe('webhook.test');
  }, 60_000);

  it('does not follow a redirect (even to an allowed address), and turns off an endpoint failing too long, telling the owner', async () => {
    receiver.on('/moved', () => ({ status: 302, location: receiver.url('/target') }));
    const { endpoint } = await register('/moved');
    await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
    const log = await eventually(async () => ((await deliveries(endpoint.id)).length ? deliveries(endpoint.id) : null));
    expect(log.at(-1)).toMatchObject({ succeeded: false, responseStatus: 302, error: expect.stringContaining('not followed') });
    const off = await eventually(
      async () => {
        const current = await stack.api.get(`/api/v1/webhook-endpoints/${endpoint.id}`, tenant.owner.token);
        return current.body.status === 'disabled' ? current.body : null;
      },
      15_000,
      'the endpoint turned off',
    );
    expect(off.disabledReason).toBe('failing');
    expect(receiver.at('/target')).toHaveLength(0);
    const emails = await withOwner((c) =>
      c.query(`SELECT recipient_email FROM notifications WHERE tenant_id = $1 AND template = 'webhook_endpoint_disabled'`, [
        tenant.tenantId,
      ]),
    );
    expect(emails.rows).toEqual([{ recipient_email: tenant.owner.email }]);
  }, 60_000);

  it('checks the address again at delivery: a URL now pointing to a private network is refused without a request', async () => {
    const { endpoint } = await register('/rebound');
    await withOwner((c) => c.query(`UPDATE webhook_endpoints SET url = 'http://10.1.2.3/hook' WHERE id = $1`, [endpoint.id]));
    await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
    const log = await eventually(async () => ((await deliveries(endpoint.id)).length ? deliveries(endpoint.id) : null));
    expect(log[0]).toMatchObject({ succeeded: false, responseStatus: null, error: expect.stringContaining('refused') });
    expect(receiver.at('/rebound')).toHaveLength(0);
  }, 30_000);

  it('is the owner’s alone: a manager is refused, another workspace gets 404', async () => {
    const { endpoint } = await register('/private');
    const manager = await addMember(stack.api, tenant.owner.token, 'manager');
    expect((await stack.api.get('/api/v1/webhook-endpoints', manager.token)).status).toBe(403);
    expect((await stack.api.get(`/api/v1/webhook-endpoints/${endpoint.id}`, outsider.owner.token)).status).toBe(404);
    expect((await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {}, outsider.owner.token)).status).toBe(404);
    // Deleting takes its webhooks and log with it.
    await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
    await eventually(async () => (await deliveries(endpoint.id)).length > 0);
    expect((await stack.api.delete(`/api/v1/webhook-endpoints/${endpoint.id}`, tenant.owner.token)).status).toBe(204);
    const left = await withOwner((c) => c.query(`SELECT count(*)::int AS n FROM webhook_events WHERE endpoint_id = $1`, [endpoint.id]));
    expect(left.rows[0].n).toBe(0);
  }, 30_000);

  it('deletes an endpoint while the worker records a delivery to it: 204, no deadlock between the two', async () => {
    const { endpoint } = await register('/deleted-meanwhile', ['week.disputed']);
    // The worker's transaction that records the outcome is held (a trigger waits for a lock this test holds)
    // until the delete has started and waits for it, then let go: the two meet in the middle every time.
    const db = new Client({ connectionString: readTestEnv().ownerUrl });
    await db.connect();
    const waitingOn = async (event: 'advisory' | 'row') =>
      (
        await db.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
             AND (wait_event = 'advisory') = $1`,
          [event === 'advisory'],
        )
      ).rowCount;
    try {
      await db.query(`CREATE FUNCTION e2e_hold_outcome() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN PERFORM pg_advisory_xact_lock_shared(${HOLD_KEY}); RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER e2e_hold_outcome BEFORE UPDATE ON webhook_events FOR EACH ROW
        WHEN (OLD.status = 'sending' AND NEW.status <> 'sending' AND NEW.endpoint_id = '${endpoint.id}') EXECUTE FUNCTION e2e_hold_outcome()`);
      await db.query(`SELECT pg_advisory_lock(${HOLD_KEY})`);
      await stack.api.post(`/api/v1/webhook-endpoints/${endpoint.id}/test`, {}, tenant.owner.token);
      await eventually(() => waitingOn('advisory'), 15_000, 'the worker recording the outcome');
      const deleted = stack.api.delete(`/api/v1/webhook-endpoints/${endpoint.id}`, tenant.owner.token);
      await eventually(() => waitingOn('row'), 15_000, 'the delete waiting for the worker');
      await db.query(`SELECT pg_advisory_unlock(${HOLD_KEY})`);
      expect((await deleted).status).toBe(204);
      const left = await db.query(`SELECT count(*)::int AS n FROM webhook_events WHERE endpoint_id = $1`, [endpoint.id]);
      expect(left.rows[0].n).toBe(0);
      expect(receiver.at('/deleted-meanwhile')).toHaveLength(1);
    } finally {
      await db.query('SELECT pg_advisory_unlock_all()');
      await db.query(`DROP TRIGGER IF EXISTS e2e_hold_outcome ON webhook_events; DROP FUNCTION IF EXISTS e2e_hold_outcome()`);
      await db.end();
    }
  }, 60_000);

  describe('without the allow-list (production rules)', () => {
    let strict: Stack;
    let owner: TenantFixture;
    beforeAll(async () => {
      strict = await startStack({ worker: false });
      owner = await signUpTenant(strict.api);
    }, 60_000);
    afterAll(() => strict.close());

    it.each([
      'http://127.0.0.1:8080/hook',
      'http://10.1.2.3/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://localhost:8080/hook',
    ])('refuses %s with a plain 400 and writes nothing', async (url) => {
      const refused = await strict.api.post('/api/v1/webhook-endpoints', { url, events: ['member.joined'] }, owner.owner.token);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ code: 'unsafe_url', field: 'url' })]);
      expect(refused.body.message).toMatch(/private, loopback or link-local address/);
      const rows = await withOwner((c) =>
        c.query(`SELECT count(*)::int AS n FROM webhook_endpoints WHERE tenant_id = $1`, [owner.tenantId]),
      );
      expect(rows.rows[0].n).toBe(0);
    });
  });
});
