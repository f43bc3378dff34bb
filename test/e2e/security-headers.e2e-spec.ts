import Redis from 'ioredis';
import { readTestEnv } from '../setup/test-env';
import { freePort } from '../support/ports';
import { createClientAccount, createEngagement, signUpTenant, uniqueEmail } from '../support/factories';
import { startStack, type Stack } from '../support/stack';

/** A raw request with chosen headers, for what the Api helper hides (response headers, X-Forwarded-For). */
async function send(stack: Stack, path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(new URL(path, stack.api.baseUrl), {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined && { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  await response.arrayBuffer();
  return response;
}

const wrongLogin = (stack: Stack, forwardedFor: string) =>
  send(stack, '/api/v1/auth/login', {
    method: 'POST',
    headers: { 'x-forwarded-for': forwardedFor },
    body: { email: uniqueEmail('xff'), password: 'not the password' },
  });

describe('security headers', () => {
  let stack: Stack;
  beforeAll(async () => {
    // With the worker: sign-ups are confirmed through the emailed link.
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('marks authenticated JSON no-store, nosniff and never framed', async () => {
    const tenant = await signUpTenant(stack.api);
    const response = await send(stack, '/api/v1/me', { headers: { authorization: `Bearer ${tenant.owner.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it("names each answer's request: the caller's X-Request-Id when sane, a fresh one otherwise", async () => {
    const kept = await send(stack, '/api/v1/me', { headers: { 'x-request-id': 'support-trace.42' } });
    expect(kept.status).toBe(401);
    expect(kept.headers.get('x-request-id')).toBe('support-trace.42');
    const replaced = await send(stack, '/health', { headers: { 'x-request-id': 'not sane; <script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await send(stack, '/health');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get('x-request-id')).not.toBe(replaced.headers.get('x-request-id'));
  });

  it('gives a streamed CSV timesheet the same headers as any answer, and keeps it out of caches', async () => {
    const tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const engagement = await createEngagement(stack.api, tenant.owner.token, clientId);
    const csv = await send(stack, `/api/v1/engagements/${engagement.id}/timesheet/csv?period=week&start=2026-11-02`, {
      headers: { authorization: `Bearer ${tenant.owner.token}`, 'x-request-id': 'csv-trace.7' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('x-request-id')).toBe('csv-trace.7');
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('x-content-type-options')).toBe('nosniff');
    expect(csv.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the API docs under a CSP that allows their own scripts only', async () => {
    const page = await send(stack, '/api/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect((await send(stack, '/api/docs/swagger-ui-init.js')).status).toBe(200);
  });

  it('gives the HTML report a policy that allows its print button by hash and nothing else', async () => {
    const tenant = await signUpTenant(stack.api);
    const clientId = await createClientAccount(stack.api, tenant.owner.token);
    const engagement = await createEngagement(stack.api, tenant.owner.token, clientId);
    const report = await send(stack, `/api/v1/engagements/${engagement.id}/timesheet/report?period=month&start=2026-01-01`, {
      headers: { authorization: `Bearer ${tenant.owner.token}` },
    });
    expect(report.status).toBe(200);
    const csp = report.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("'sha256-MguIPR6qNR8D3B+eAlK+bIRTZe8t3wkOY4B/56Me9FU='");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(report.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('rate limits and proxies', () => {
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const stack = await startStack({ env: { LOGIN_LIMIT_PER_IP: '3' }, worker: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await wrongLogin(stack, `203.0.113.${i + 1}`)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await stack.close();
    }
  });

  it('keys on the forwarded client when the peer is a trusted proxy', async () => {
    const stack = await startStack({ env: { LOGIN_LIMIT_PER_IP: '3', TRUST_PROXY: '127.0.0.1/32' }, worker: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await wrongLogin(stack, `203.0.113.${i + 1}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      for (let i = 0; i < 3; i++) await wrongLogin(stack, '198.51.100.7');
      expect((await wrongLogin(stack, '198.51.100.7')).status).toBe(429);
    } finally {
      await stack.close();
    }
  });

  it('keeps sign-in working, unlimited, while Redis is unreachable (fails open rather than hanging)', async () => {
    const stack = await startStack({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}`, LOGIN_LIMIT_PER_IP: '1' }, worker: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await wrongLogin(stack, '203.0.113.1')).status);
      expect(statuses).toEqual([401, 401, 401]);
    } finally {
      await stack.close();
    }
  });

  it('counts attempts in Redis, so two API replicas share one limit', async () => {
    const env = { LOGIN_LIMIT_PER_IP: '4', RATE_LIMIT_REDIS_PREFIX: `rl-shared-${Date.now()}:` };
    const [a, b] = [await startStack({ env, worker: false }), await startStack({ env, worker: false })];
    try {
      const statuses: number[] = [];
      for (const replica of [a, b, a, b, a]) statuses.push((await wrongLogin(replica, '203.0.113.9')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const redis = new Redis(readTestEnv().redisUrl);
      try {
        const keys = await redis.keys(`${env.RATE_LIMIT_REDIS_PREFIX}*`);
        expect(keys.length).toBeGreaterThan(0);
        await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
