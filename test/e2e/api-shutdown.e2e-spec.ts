import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '@candor/testing';
import { signUpTenant } from '../support/factories';
import { withOwner } from '../support/owner-db';
import { freePort } from '../support/ports';
import { readTestEnv } from '../setup/test-env';

const MAIN = join(__dirname, '..', '..', 'apps', 'api', 'dist', 'main.js');

/** The built API as its own process, as a container runs it; SIGTERM is what an orchestrator sends. */
async function startApiProcess(
  env: Record<string, string> = {},
): Promise<{ api: Api; child: ChildProcess; exited: Promise<NodeJS.Signals | number | null> }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build @candor/api first (npx nx build @candor/api)`);
  const test = readTestEnv();
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    stdio: 'ignore',
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      DATABASE_URL: test.appUrl,
      DATABASE_PREPARED_STATEMENTS: String(!test.pooled),
      REDIS_URL: test.redisUrl,
      WEB_URL: 'http://candor.test',
      JWT_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
      DATA_ENCRYPTION_KEY: 'e2e-secret-that-is-long-enough-0123456789',
      LOG_LEVEL: 'silent',
      LOGIN_LIMIT_PER_IP: '10000',
      ...env,
    },
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const api = new Api(`http://127.0.0.1:${port}`);
  for (let i = 0; i < 150; i++) {
    if (
      (await fetch(new URL('/health', api.baseUrl)).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return { api, child, exited };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the API process did not start');
}

const settled = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then((value) => ({ value })), new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('API process on SIGTERM', () => {
  it('stops accepting, answers the request in flight, and exits', async () => {
    const { api, child, exited } = await startApiProcess();
    try {
      const tenant = await signUpTenant(api);
      await withOwner(async (client) => {
        await client.query('BEGIN');
        await client.query('LOCK TABLE memberships IN ACCESS EXCLUSIVE MODE');
        const inFlight = fetch(new URL('/api/v1/members', api.baseUrl), { headers: { authorization: `Bearer ${tenant.owner.token}` } });
        await new Promise((resolve) => setTimeout(resolve, 500));
        child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 500));
        await expect(fetch(new URL('/health', api.baseUrl))).rejects.toThrow();
        expect(await settled(exited, 100)).toBe('pending');
        await client.query('COMMIT');
        const response = await inFlight;
        expect(response.status).toBe(200);
        expect(response.headers.get('connection')).toBe('close');
      });
      expect(await settled(exited, 10_000)).toEqual({ value: 'SIGTERM' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('drains for SHUTDOWN_DRAIN_MS: /health answers 503 while requests are still served, then it exits', async () => {
    const { api, child, exited } = await startApiProcess({ SHUTDOWN_DRAIN_MS: '1500' });
    try {
      const tenant = await signUpTenant(api);
      child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const health = await fetch(new URL('/health', api.baseUrl));
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 503, body: { status: 'draining' } });
      expect((await api.get('/api/v1/me', tenant.owner.token)).status).toBe(200);
      expect(await settled(exited, 100)).toBe('pending');
      expect(await settled(exited, 10_000)).toEqual({ value: 'SIGTERM' });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('cuts a request still running after SHUTDOWN_GRACE_MS and exits anyway', async () => {
    const { api, child, exited } = await startApiProcess({ SHUTDOWN_GRACE_MS: '500' });
    try {
      const tenant = await signUpTenant(api);
      await withOwner(async (client) => {
        await client.query('BEGIN');
        await client.query('LOCK TABLE memberships IN ACCESS EXCLUSIVE MODE');
        const inFlight = fetch(new URL('/api/v1/members', api.baseUrl), {
          headers: { authorization: `Bearer ${tenant.owner.token}` },
        }).then(
          (r) => r.status,
          () => 'cut',
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        const signalled = Date.now();
        child.kill('SIGTERM');
        expect(await settled(inFlight, 5000)).toEqual({ value: 'cut' });
        // Grace (0.5 s), then the close completes (measured: 0.7 s after the signal); 15 s leaves room for a slow machine.
        expect(await settled(exited, 15_000)).not.toBe('pending');
        expect(Date.now() - signalled).toBeLessThan(15_000);
        await client.query('ROLLBACK');
      });
    } finally {
      child.kill('SIGKILL');
    }
  });
});
