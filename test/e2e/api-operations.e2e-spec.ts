import { signUpTenant, uniqueEmail } from '../support/factories';
import { startMailWorker } from '../support/mail-worker';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

const TOKEN = 'metrics-token-for-the-e2e-run';

/** The value of one sample in Prometheus text format (0 when the series does not exist yet). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

describe('API operations', () => {
  describe('/metrics', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack({ worker: false, env: { METRICS_TOKEN: TOKEN } });
    });
    afterAll(() => stack.close());

    const scrape = async () => {
      const response = await stack.api.getText('/metrics', `${TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.contentType).toMatch(/^text\/plain/);
      return response.text;
    };

    it('asks for the metrics token', async () => {
      for (const token of [undefined, 'wrong-token-of-some-length']) {
        const refused = await stack.api.get('/metrics', token);
        expect(refused.status).toBe(401);
        expect(refused.body.message).toMatch(/METRICS_TOKEN/);
      }
    });

    it('counts HTTP requests by route template and status, with their durations', async () => {
      const tenant = await signUpTenant(stack.api);
      const route = { method: 'GET', route: '/api/v1/members', status_code: '200' };
      const before = await scrape();
      for (let i = 0; i < 3; i++) expect((await stack.api.get('/api/v1/members', tenant.owner.token)).status).toBe(200);
      expect((await stack.api.get('/api/v1/members?role=boss', tenant.owner.token)).status).toBe(400);
      const after = await scrape();
      expect(sample(after, 'candor_http_requests_total', route) - sample(before, 'candor_http_requests_total', route)).toBe(3);
      expect(
        sample(after, 'candor_http_requests_total', { ...route, status_code: '400' }) -
          sample(before, 'candor_http_requests_total', { ...route, status_code: '400' }),
      ).toBe(1);
      expect(
        sample(after, 'candor_http_request_duration_seconds_count', route) -
          sample(before, 'candor_http_request_duration_seconds_count', route),
      ).toBe(3);
      expect(sample(after, 'candor_http_request_duration_seconds_sum', route)).toBeGreaterThan(0);
    });

    it('reports the outbox across tenants: pending count and oldest age move, and fall back once the worker sends', async () => {
      // Sampled after the sign-ups, whose confirmation emails also wait in the outbox here.
      const first = await signUpTenant(stack.api);
      const second = await signUpTenant(stack.api);
      const pending0 = sample(await scrape(), 'candor_outbox_pending_notifications');
      const emails = [uniqueEmail('metrics'), uniqueEmail('metrics')];
      // No worker runs here: the invitations wait in the outbox.
      expect((await stack.api.post('/api/v1/invitations', { email: emails[0], role: 'assistant' }, first.owner.token)).status).toBe(201);
      expect((await stack.api.post('/api/v1/invitations', { email: emails[1], role: 'assistant' }, second.owner.token)).status).toBe(201);
      const during = await scrape();
      expect(sample(during, 'candor_outbox_pending_notifications') - pending0).toBe(2);
      const age = sample(during, 'candor_outbox_oldest_pending_age_seconds');
      expect(age).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(sample(await scrape(), 'candor_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(age + 1);

      const worker = await startMailWorker();
      try {
        const deadline = Date.now() + 30_000;
        let pending = Infinity;
        while (Date.now() < deadline) {
          const sent = await withOwner(
            async (c) =>
              (await c.query(`SELECT count(*)::int AS n FROM notifications WHERE recipient_email = ANY($1) AND status = 'sent'`, [emails]))
                .rows[0].n,
          );
          if (sent === 2) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        pending = sample(await scrape(), 'candor_outbox_pending_notifications');
        expect(pending).toBeLessThanOrEqual(pending0);
      } finally {
        await worker.close();
      }
    });
  });

  it('serves no metrics in production unless a token is set', async () => {
    const stack = await startStack({ worker: false, env: { NODE_ENV: 'production' } });
    try {
      const off = await stack.api.get('/metrics');
      expect(off.status).toBe(404);
      expect(off.body.message).toMatch(/METRICS_TOKEN/);
    } finally {
      await stack.close();
    }
  });

  it('shuts down gracefully: stops accepting, finishes the request in flight, then closes', async () => {
    const stack = await startStack({ worker: false });
    const tenant = await signUpTenant(stack.api);
    const url = new URL('/api/v1/members', stack.api.baseUrl);
    let closed = false;
    await withOwner(async (client) => {
      // Hold the request mid-transaction: its query waits for this lock.
      await client.query('BEGIN');
      await client.query('LOCK TABLE memberships IN ACCESS EXCLUSIVE MODE');
      const inFlight = fetch(url, { headers: { authorization: `Bearer ${tenant.owner.token}` } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // What SIGTERM runs (enableShutdownHooks).
      const closing = stack.app.close().then(() => (closed = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(closed).toBe(false);
      await expect(fetch(new URL('/health', url))).rejects.toThrow();
      await client.query('COMMIT');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as unknown[]).length).toBe(1);
      // The client's keep-alive connection does not hold the server open.
      expect(response.headers.get('connection')).toBe('close');
      await closing;
    });
    expect(closed).toBe(true);
  });
});
