import type { RunningWorker } from '../../apps/worker/src/worker';
import { addMember, createClientAccount, signUpTenant, uniqueEmail, type TenantFixture } from '../support/factories';
import { emailsTo, waitForEmails } from '../support/mail-sink';
import { startMailWorker } from '../support/mail-worker';
import { insertNotification, notificationTo, waitForNotificationStatus } from '../support/notifications';
import { withOwner } from '../support/owner-db';
import { startRefusingSmtp } from '../support/refusing-smtp';
import { startStack, type Stack } from '../support/stack';

describe('failed deliveries and send again', () => {
  let stack: Stack;
  let worker: RunningWorker | null = null;
  let tenant: TenantFixture;
  let outsider: TenantFixture;
  let manager: { token: string; email: string };
  let assistant: { token: string };
  let clientAdmin: { token: string; email: string; userId: string };
  let clientId: string;
  let bouncing: string;
  let failedId: string;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    worker = await startMailWorker();
    const { api } = stack;
    tenant = await signUpTenant(api);
    outsider = await signUpTenant(api);
    manager = await addMember(api, tenant.owner.token, 'manager');
    assistant = await addMember(api, tenant.owner.token, 'assistant');
    clientId = await createClientAccount(api, tenant.owner.token);
    clientAdmin = await addMember(api, tenant.owner.token, 'client_admin', clientId);

    // The invitation meets a mail server that refuses the address, and the worker gives up on it.
    await worker.close();
    const refusing = await startRefusingSmtp();
    worker = await startMailWorker(refusing.url);
    try {
      bouncing = uniqueEmail('bounce');
      expect((await api.post('/api/v1/invitations', { email: bouncing, role: 'assistant' }, tenant.owner.token)).status).toBe(201);
      const failed = await waitForNotificationStatus(bouncing, 'failed');
      failedId = failed.id;
      // Until the delivery work records the kind of failure, a refused address is marked permanent here.
      await withOwner((client) =>
        client.query(`UPDATE notifications SET failure_kind = 'permanent' WHERE id = $1 AND failure_kind IS NULL`, [failedId]),
      );
    } finally {
      await worker.close();
      await refusing.close();
    }
    // Back to a mail server that accepts, on the same queue (where the failed job may still be kept).
    worker = await startMailWorker();
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await stack.close();
  });

  it('lists the failed email with its reason and attempts to owners and managers, and flags the address', async () => {
    const { api } = stack;
    for (const token of [tenant.owner.token, manager.token]) {
      const list = await api.get('/api/v1/delivery-failures', token);
      expect(list.status).toBe(200);
      const item = list.body.items.find((i: { id: string }) => i.id === failedId);
      expect(item).toMatchObject({
        recipientEmail: bouncing,
        event: 'invitation',
        state: 'failed',
        failureKind: 'permanent',
        nextAttemptAt: null,
        resends: 0,
      });
      expect(item.reason).toMatch(/550|mailbox unavailable/);
      expect(item.attempts).toBeGreaterThanOrEqual(1);
    }
    const bounced = await api.get('/api/v1/delivery-failures/bounced', manager.token);
    expect(bounced.status).toBe(200);
    expect(bounced.body).toEqual([expect.objectContaining({ email: bouncing, notificationId: failedId, userId: null })]);
    // Delivered emails (the manager's own invitation) are not trouble.
    expect(
      (await api.get('/api/v1/delivery-failures', manager.token)).body.items.map((i: { recipientEmail: string }) => i.recipientEmail),
    ).not.toContain(manager.email);
  });

  it('shows what is being retried apart from what failed, a page at a time', async () => {
    const { api } = stack;
    const nextTry = new Date(Date.now() + 3600_000);
    const retryingId = await insertNotification(tenant.tenantId, {
      status: 'queued',
      attempts: 2,
      failure_kind: 'temporary',
      last_error: '451 4.3.0 try again later',
      next_attempt_at: nextTry,
    });
    const retrying = await api.get('/api/v1/delivery-failures?state=retrying', manager.token);
    expect(retrying.body.items).toEqual([
      expect.objectContaining({ id: retryingId, state: 'retrying', attempts: 2, reason: '451 4.3.0 try again later' }),
    ]);
    expect(new Date(retrying.body.items[0].nextAttemptAt).getTime()).toBe(nextTry.getTime());
    const failedOnly = await api.get('/api/v1/delivery-failures?state=failed', manager.token);
    expect(failedOnly.body.items.map((i: { id: string }) => i.id)).toEqual([failedId]);

    const first = await api.get('/api/v1/delivery-failures?limit=1', manager.token);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([retryingId]);
    const second = await api.get(`/api/v1/delivery-failures?limit=1&cursor=${first.body.nextCursor}`, manager.token);
    expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([failedId]);
    expect(second.body.nextCursor).toBeNull();

    // A row being retried cannot be sent again: the worker will try it anyway.
    const refused = await api.post(`/api/v1/delivery-failures/${retryingId}/send-again`, {}, manager.token);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/not failed/);
    expect(
      await withOwner(async (c) => (await c.query('SELECT status, resends FROM notifications WHERE id = $1', [retryingId])).rows[0]),
    ).toEqual({ status: 'queued', resends: 0 });
    await withOwner((c) => c.query(`UPDATE notifications SET status = 'failed', next_attempt_at = NULL WHERE id = $1`, [retryingId]));
  });

  it('refuses bad input with a 400 that says what is wrong', async () => {
    const { api } = stack;
    const badState = await api.get('/api/v1/delivery-failures?state=lost', manager.token);
    expect(badState.status).toBe(400);
    expect(JSON.stringify(badState.body.message)).toMatch(/State: this value is not one of the allowed choices/);
    expect((await api.get('/api/v1/delivery-failures?cursor=nonsense', manager.token)).status).toBe(400);
    expect((await api.get('/api/v1/delivery-failures?limit=500', manager.token)).status).toBe(400);
    expect((await api.post('/api/v1/delivery-failures/not-a-uuid/send-again', {}, manager.token)).status).toBe(400);
  });

  it('refuses assistants, client users and other workspaces', async () => {
    const { api } = stack;
    for (const token of [assistant.token, clientAdmin.token]) {
      expect((await api.get('/api/v1/delivery-failures', token)).status).toBe(403);
      expect((await api.get('/api/v1/delivery-failures/bounced', token)).status).toBe(403);
      expect((await api.post(`/api/v1/delivery-failures/${failedId}/send-again`, {}, token)).status).toBe(403);
    }
    expect((await api.get('/api/v1/delivery-failures', outsider.owner.token)).body.items).toEqual([]);
    expect((await api.get('/api/v1/delivery-failures/bounced', outsider.owner.token)).body).toEqual([]);
    const foreign = await api.post(`/api/v1/delivery-failures/${failedId}/send-again`, {}, outsider.owner.token);
    expect(foreign.status).toBe(404);
    expect((await notificationTo(bouncing)).resends).toBe(0);
  });

  it('sends a failed email again exactly once, audits it, and clears the bounce flag once it arrives', async () => {
    const { api } = stack;
    expect(await emailsTo(bouncing)).toHaveLength(0);
    const again = await api.post(`/api/v1/delivery-failures/${failedId}/send-again`, {}, manager.token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: failedId, resends: 1, attempts: 0, failureKind: null });
    expect(['pending', 'queued', 'sending', 'sent']).toContain(again.body.state);

    await waitForEmails(bouncing, 1, 30_000);
    const sent = await waitForNotificationStatus(bouncing, 'sent', 15_000);
    expect(sent).toMatchObject({ resends: 1 });
    // A second press finds nothing to resend.
    const twice = await api.post(`/api/v1/delivery-failures/${failedId}/send-again`, {}, tenant.owner.token);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/delivered/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await emailsTo(bouncing)).toHaveLength(1);

    const audit = await api.get(`/api/v1/audit-events?entityType=notification&entityId=${failedId}`, tenant.owner.token);
    expect(audit.body.items).toEqual([
      expect.objectContaining({ action: 'notification.resent', change: expect.objectContaining({ recipient: bouncing, resends: 1 }) }),
    ]);
    expect((await api.get('/api/v1/delivery-failures/bounced', manager.token)).body).toEqual([]);
    expect(
      (await api.get('/api/v1/delivery-failures?state=failed', manager.token)).body.items.map((i: { id: string }) => i.id),
    ).not.toContain(failedId);
  });

  it('names the member and client account behind a bounced address, until an email to it arrives', async () => {
    const { api } = stack;
    const bounceId = await insertNotification(tenant.tenantId, {
      recipient_email: clientAdmin.email.toUpperCase(),
      recipient_user_id: clientAdmin.userId,
    });
    const bounced = await api.get('/api/v1/delivery-failures/bounced', manager.token);
    expect(bounced.body).toEqual([
      expect.objectContaining({ notificationId: bounceId, userId: clientAdmin.userId, clientAccountId: clientId }),
    ]);
    // A temporary failure is no bounce.
    await insertNotification(tenant.tenantId, { failure_kind: 'temporary', last_error: '421 try later' });
    await insertNotification(tenant.tenantId, {
      recipient_email: clientAdmin.email,
      status: 'sent',
      attempts: 1,
      failure_kind: null,
      last_error: null,
      sent_at: new Date(),
    });
    expect((await api.get('/api/v1/delivery-failures/bounced', manager.token)).body).toEqual([]);
  });
});
