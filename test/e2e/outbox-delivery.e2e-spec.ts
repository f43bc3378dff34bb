import { spawn, type ChildProcess } from 'node:child_process';
import { insertNotification, signUpTenant, uniqueEmail } from '../support/factories';
import { emailsTo, waitForEmails } from '../support/mail-sink';
import { notificationTo, waitForNotificationStatus } from '../support/notifications';
import { withOwner } from '../support/owner-db';
import { freePort } from '../support/ports';
import { startStack, type Stack } from '../support/stack';

async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}`).then(
      () => true,
      (error: { cause?: { code?: string } }) => error.cause?.code !== 'ECONNREFUSED',
    );
    if (ok) return redis;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('redis-server did not start');
}

describe('outbox delivery', () => {
  describe('with the worker running', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack.close());

    it('sends the invitation email exactly once even when its job is processed again', async () => {
      const tenant = await signUpTenant(stack.api);
      const email = uniqueEmail('twice');
      expect((await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token)).status).toBe(201);
      await waitForEmails(email);
      // The send is recorded a moment after the message reaches SMTP (the worker writes "sent" in batches).
      const row = await waitForNotificationStatus(email, 'sent', 5_000);

      const payload = { tenantId: row.tenant_id, notificationId: row.id, idempotencyKey: row.id };
      const again = await Promise.all([stack.worker!.emailProcessor.handle(payload), stack.worker!.emailProcessor.handle(payload)]);
      expect(again).toEqual(['skipped', 'skipped']);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await emailsTo(email)).toHaveLength(1);
    });

    it('fails a notification that cannot be rendered at once, with the reason, counting one attempt', async () => {
      const tenant = await signUpTenant(stack.api);
      const email = uniqueEmail('unrenderable');
      await withOwner((client) =>
        insertNotification(client, { tenantId: tenant.tenantId, template: 'no_such_template', recipientEmail: email }),
      );
      const deadline = Date.now() + 15_000;
      let row: { status: string; failure_kind: string | null; last_error: string | null; attempts: number } | undefined;
      while (Date.now() < deadline && row?.status !== 'failed') {
        await new Promise((resolve) => setTimeout(resolve, 100));
        row = await withOwner(
          async (client) => (await client.query('SELECT * FROM notifications WHERE recipient_email = $1', [email])).rows[0],
        );
      }
      expect(row).toMatchObject({
        status: 'failed',
        failure_kind: 'permanent',
        attempts: 1,
        last_error: 'could not render: unknown template no_such_template',
      });
      expect(await emailsTo(email)).toHaveLength(0);
    });

    it('sends a failed notification once more when staff ask again, under a new Message-ID', async () => {
      const tenant = await signUpTenant(stack.api);
      const email = uniqueEmail('again');
      await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token);
      const [first] = await waitForEmails(email);
      const row = await waitForNotificationStatus(email, 'sent', 5_000);
      // As if it had failed, then "send again" exactly as the failures API does it.
      await withOwner((client) =>
        client.query(
          `UPDATE notifications SET status = 'failed', sent_at = NULL, failure_kind = 'permanent', last_error = '550 no' WHERE id = $1`,
          [row.id],
        ),
      );
      await withOwner((client) =>
        client.query(
          `UPDATE notifications SET status = 'pending', resends = resends + 1, attempts = 0, first_attempt_at = NULL,
             next_attempt_at = NULL, lease_until = NULL, failure_kind = NULL WHERE id = $1 AND status = 'failed'`,
          [row.id],
        ),
      );
      const emails = await waitForEmails(email, 2);
      await waitForNotificationStatus(email, 'sent', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await emailsTo(email)).toHaveLength(2);
      const ids = emails.map((e) => e.headers['message-id']);
      expect(ids[0]).toBe(first!.headers['message-id']);
      expect(ids).toEqual([`<${row.id}.0@candor.local>`, `<${row.id}.1@candor.local>`]);
      expect(
        await withOwner(
          async (client) =>
            (await client.query('SELECT status, attempts, resends, last_error FROM notifications WHERE id = $1', [row.id])).rows[0],
        ),
      ).toEqual({
        status: 'sent',
        attempts: 1,
        resends: 1,
        last_error: null,
      });
    });

    it('sends once when two deliveries of a fresh notification race', async () => {
      const tenant = await signUpTenant(stack.api);
      await stack.worker!.relay.stop();
      try {
        const email = uniqueEmail('race');
        await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token);
        const row = await notificationTo(email);
        expect(row.status).toBe('pending');
        const payload = { tenantId: row.tenant_id, notificationId: row.id, idempotencyKey: row.id };
        const results = await Promise.all([stack.worker!.emailProcessor.handle(payload), stack.worker!.emailProcessor.handle(payload)]);
        expect(results.sort()).toEqual(['sent', 'skipped']);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await emailsTo(email)).toHaveLength(1);
      } finally {
        stack.worker!.relay.start();
      }
    });
  });

  it('keeps the notification while Redis is down and sends it once Redis returns', async () => {
    const port = await freePort();
    // The tenant is signed up (and confirmed by email) while Redis is there; its token works on any stack.
    const setup = await startStack();
    const tenant = await signUpTenant(setup.api).finally(() => setup.close());
    const stack = await startStack({ env: { REDIS_URL: `redis://127.0.0.1:${port}` } });
    let redis: ChildProcess | null = null;
    try {
      const email = uniqueEmail('redis-down');
      const created = await stack.api.post('/api/v1/invitations', { email, role: 'assistant' }, tenant.owner.token);
      expect(created.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Kept, not sent: pending, or claimed by a relay attempt that Redis is about to refuse.
      expect(['pending', 'queued']).toContain((await notificationTo(email)).status);
      expect(await emailsTo(email)).toHaveLength(0);

      redis = await startRedis(port);
      await waitForEmails(email, 1, 30_000);
      await waitForNotificationStatus(email, 'sent', 5_000);
    } finally {
      await stack.close();
      redis?.kill();
    }
  });
});
