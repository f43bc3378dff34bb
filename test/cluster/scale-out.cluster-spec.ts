import { Api, createClientAccount, createEngagement, createDisclosure, disclosureStep } from '../support/factories';
import { addMember, PASSWORD, signUpTenant, uniqueEmail } from '../support/factories';
import { waitUntilSettled } from '../faults/support/outbox-fixture';
import { withOwner } from '../support/owner-db';
import { readTestEnv } from '../setup/test-env';
import { startCluster, type Cluster } from './support/cluster';

/**
 * Three API replicas behind haproxy, two workers, PgBouncer in transaction mode, one Redis. A fixed count of mixed
 * requests (reads, work logs, disclosures and invitations that email) runs while one replica gets SIGTERM, another
 * SIGKILL, and a worker SIGKILL. The client retries only what failed, and what failed must have been in flight at
 * the SIGKILL of a replica; every email goes out once.
 */
const TOTAL = 600;
const CONCURRENCY = 8;
const LOGIN_LIMIT = 4;

interface Sent {
  op: string;
  started: number;
  ended: number;
  status: number;
}

describe('scale-out: replicas behind haproxy, pgbouncer, workers killed', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster({
      apis: 3,
      workers: 2,
      env: { LOGIN_LIMIT_PER_ACCOUNT: String(LOGIN_LIMIT), LOGIN_LIMIT_PER_IP: '10000', AUTH_LIMIT_PER_IP: '10000' },
    });
  }, 180_000);
  afterAll(() => cluster?.stop());

  it('keeps the login limit across replicas', async () => {
    const api = new Api(cluster.url);
    const tenant = await signUpTenant(api);
    const servedBy = new Set<string>();
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      const response = await fetch(`${cluster.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: tenant.owner.email, password: 'not the password at all' }),
      });
      statuses.push(response.status);
      servedBy.add(response.headers.get('x-served-by') ?? '');
    }
    // Each replica saw at most two of the five: only a shared counter refuses the fifth.
    expect(servedBy.size).toBe(3);
    expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
  });

  it('answers every request through SIGTERM, loses only in-flight requests at SIGKILL, and sends each email once', async () => {
    const api = new Api(cluster.url);
    const tenant = await signUpTenant(api);
    const token = tenant.owner.token;
    const clientId = await createClientAccount(api, token);
    const engagement = await createEngagement(api, token, clientId);
    await addMember(api, token, 'client_admin', clientId);

    let slot = 0;
    const operations: Record<string, () => Promise<{ status: number }>> = {
      read: () => api.get('/api/v1/engagements', token),
      readLogs: () => api.get(`/api/v1/work-logs?engagementId=${engagement.id}`, token),
      logWork: () => {
        // A quarter of an hour of its own, so no entry overlaps another.
        const startedAt = new Date(Date.UTC(2026, 9, 1) + slot++ * 900_000);
        const endedAt = new Date(startedAt.getTime() + 600_000);
        const body = { engagementId: engagement.id, startedAt: startedAt.toISOString(), endedAt: endedAt.toISOString(), notes: 'Inbox' };
        return api.post('/api/v1/work-logs', body, token);
      },
      disclose: async () => {
        const draft = await createDisclosure(api, token, engagement.id);
        await disclosureStep(api, token, draft.id, 'disclose');
        return { status: 200 };
      },
      invite: () => api.post('/api/v1/invitations', { email: uniqueEmail('cluster'), role: 'assistant' }, token),
    };
    const mix = ['read', 'readLogs', 'logWork', 'read', 'disclose', 'readLogs', 'logWork', 'read', 'invite', 'read'];

    const sent: Sent[] = [];
    const failures: Sent[] = [];
    const killed: Record<string, number> = {};
    let next = 0;
    const send = async (op: string): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        const started = Date.now();
        const status = await operations[op]!().then(
          (response) => response.status,
          () => 0,
        );
        const record = { op, started, ended: Date.now(), status };
        if (status > 0 && status < 500) return void sent.push(record);
        failures.push(record);
        if (attempt === 3) return void sent.push(record);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    const faults = async () => {
      const at = (share: number) =>
        new Promise<void>((resolve) => {
          const check = () => (sent.length >= TOTAL * share ? resolve() : setTimeout(check, 20));
          check();
        });
      await at(0.25);
      killed['SIGTERM api'] = Date.now();
      await cluster.apis[0]!.stop('SIGTERM');
      await at(0.5);
      killed['SIGKILL api'] = Date.now();
      await cluster.apis[1]!.kill('SIGKILL');
      killed['SIGKILL api exited'] = Date.now();
      await at(0.75);
      killed['SIGKILL worker'] = Date.now();
      await cluster.workers[0]!.kill('SIGKILL');
    };
    const loops = Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) await send(mix[next++ % mix.length]!);
    });
    await Promise.all([...loops, faults()]);

    // In flight between the signal and the moment the replica was seen gone.
    const inFlightAtKill = (f: Sent) => f.started <= killed['SIGKILL api exited']! && f.ended >= killed['SIGKILL api']!;
    console.log(
      `scale-out: ${sent.length} requests, ${failures.length} failed and retried (${failures.filter(inFlightAtKill).length} in flight at the replica's SIGKILL), statuses ${JSON.stringify(
        sent.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
      )}`,
    );
    expect(sent).toHaveLength(TOTAL);
    expect(sent.filter((s) => s.status === 0 || s.status >= 500)).toEqual([]);
    expect(failures.filter((f) => !inFlightAtKill(f))).toEqual([]);
    expect(failures.length).toBeLessThanOrEqual(CONCURRENCY);

    // Every email once: each outbox row sent, its Message-ID at the sink exactly once (a worker SIGKILLed after the
    // sink's 250 and before recording it may send again: at most its 5 sends in flight).
    await waitUntilSettled(tenant.tenantId, Date.now(), 90_000);
    const rows = await withOwner(
      async (db) =>
        (
          await db.query<{ message_id: string; status: string }>(`SELECT message_id, status FROM notifications WHERE tenant_id = $1`, [
            tenant.tenantId,
          ])
        ).rows,
    );
    const inbox = (await (await fetch(`http://127.0.0.1:${readTestEnv().mailWebPort}/email`)).json()) as {
      headers: Record<string, string>;
    }[];
    const copies = new Map<string, number>();
    for (const email of inbox) copies.set(email.headers['message-id'] ?? '', (copies.get(email.headers['message-id'] ?? '') ?? 0) + 1);
    const lost = rows.filter((row) => row.status !== 'sent' || !copies.get(row.message_id)).length;
    const doubled = rows.reduce((sum, row) => sum + Math.max(0, (copies.get(row.message_id) ?? 0) - 1), 0);
    console.log(`scale-out emails: ${rows.length} written, ${lost} lost, ${doubled} doubled`);
    expect(rows.length).toBeGreaterThan(TOTAL / 10);
    expect(lost).toBe(0);
    expect(doubled).toBeLessThanOrEqual(5);
  }, 300_000);
});
