import { Client } from 'pg';
import { ROLES } from '@candor/domain';
import {
  PASSWORD,
  addMember,
  createClientAccount,
  createDeliverable,
  createDisclosure,
  createEngagement,
  createWorkLog,
  signUpTenant,
} from '../support/factories';
import { multipartBody, SAMPLE } from '@candor/testing';
import { casesFor, identifiersOfDocument, operations, queryString, type Case, type Operation } from '../support/openapi-cases';
import { readTestEnv } from '../setup/test-env';
import { SECRET, startStack, type Stack } from '../support/stack';

/*
 * Property-based fuzz over EVERY operation of the published OpenAPI document: hostile values are
 * generated from each operation's own schemas (path, query, body), sent as a role allowed to call it,
 * to the real app in this process (Fastify inject, the real database, no mocks). The API must never
 * answer 5xx, nor write anything when it refuses (4xx), nor put an identifier in an error message.
 *
 * Speed: LANES tenants, each with its own objects, take one case each at a time, concurrently. Row
 * triggers on every table record each write with the tenant of its transaction, so a write is laid
 * at the door of its lane's request; a write made outside any tenant, in a batch where some request
 * was refused, sends those refused cases again one at a time and counts writes around each.
 *
 * Cases per operation (see openapi-cases): every kind of hostile value once, in each of its inputs in
 * turn, then FUZZ_RUNS sampled ones (default 60), each distinct request once: about 10,700 requests. (It
 * was 200 sampled ones, 31,200 requests of which 44% repeated another; most hostile constants never
 * reached most routes.) FUZZ_SEED sets the seed.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);
const LANES = Number(process.env['FUZZ_LANES'] ?? 6);
const ROLE_ORDER = ['owner', 'client_admin', 'assistant'] as const;
/** `FUZZ_ONLY=two-factor` runs only the operations whose "METHOD /path" matches, to chase one slow or failing route. */
const ONLY = new RegExp(process.env['FUZZ_ONLY'] ?? '');
const fuzzed = operations.filter((op) => ONLY.test(`${op.method} ${op.path}`));

interface Lane {
  tenantId: string;
  ids: Record<string, string[]>;
  tokens: Record<string, string>;
  emails: Record<string, string>;
}

/** A tenant with one of each object the routes take an id of, and a signed-in owner, client admin and assistant. */
async function setUpLane(stack: Stack): Promise<Lane> {
  const { api } = stack;
  const tenant = await signUpTenant(api);
  const token = tenant.owner.token;
  const clientId = await createClientAccount(api, token);
  const engagement = await createEngagement(api, token, clientId, { retainerHoursPerMonth: '10' });
  const log = await createWorkLog(api, token, engagement.id, {
    startedAt: '2026-11-23T08:00:00Z',
    endedAt: '2026-11-23T09:00:00Z',
    notes: 'Inbox',
  });
  const discovered = { occurredAt: '2026-11-20T09:00:00Z', discoveredAt: '2026-11-21T09:00:00Z', whatHappened: 'A typo' };
  const disclosure = await createDisclosure(api, token, engagement.id, discovered);
  const deliverable = await createDeliverable(api, token, engagement.id, { title: 'Newsletter' });
  const offer = await api.post(`/api/v1/disclosures/${disclosure.id}/offers`, { kind: 'free_revision' }, token);
  const week = await api.post('/api/v1/timesheet-weeks', { engagementId: engagement.id, weekStart: '2026-11-23' }, token);
  const share = await api.post(`/api/v1/engagements/${engagement.id}/share-links`, {}, token);
  const clientAdmin = await addMember(api, token, 'client_admin', clientId);
  const assistant = await addMember(api, token, 'assistant');
  const known = (value: unknown) => (typeof value === 'string' ? [value] : []);
  return {
    tenantId: tenant.tenantId,
    tokens: { owner: token, client_admin: clientAdmin.token, assistant: assistant.token },
    emails: { owner: tenant.owner.email, client_admin: clientAdmin.email, assistant: assistant.email },
    ids: {
      id: [
        engagement.id,
        log.id,
        disclosure.id,
        deliverable.id,
        clientId,
        ...known(offer.body?.id),
        ...known(week.body?.id),
        ...known(share.body?.id),
      ],
      engagementId: [engagement.id],
      clientAccountId: [clientId],
      tenantId: [tenant.tenantId],
      fileId: ['00000000-0000-4000-8000-000000000000'],
      token: ['x'.repeat(43)],
    },
  };
}

/** A case generated with lane 0's ids, pointed at another lane's objects. */
function forLane(c: Case, from: Lane, to: Lane): Case {
  const pairs = new Map<string, string>();
  for (const [name, values] of Object.entries(from.ids)) values.forEach((value, i) => pairs.set(value, to.ids[name]?.[i] ?? value));
  if (!pairs.size || from === to) return c;
  const pattern = new RegExp([...pairs.keys()].join('|'), 'g');
  const swap = (text: string) => text.replace(pattern, (id) => pairs.get(id)!);
  const swapJson = <T>(value: T): T => (value === undefined ? value : JSON.parse(swap(JSON.stringify(value))));
  return { path: swap(c.path), query: swapJson(c.query), body: swapJson(c.body) };
}

interface Answer {
  status: number;
  messages: string[];
}

describe('OpenAPI fuzz: no 5xx, nothing written by a refused request, no identifier in a message', () => {
  let stack: Stack;
  let owner: Client;
  let lanes: Lane[] = [];

  beforeAll(async () => {
    // No worker: the relay's own writes would look like writes of refused requests.
    stack = await startStack({ worker: false });
    // Members need the invitation email, so a worker runs only while the lanes are set up.
    const { startWorker } = await import('../../apps/worker/src/worker');
    const { loadWorkerConfig } = await import('../../apps/worker/src/config/worker-config');
    const pino = (await import('pino')).default;
    const env = readTestEnv();
    const worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: env.appUrl,
        REDIS_URL: env.redisUrl,
        DATA_ENCRYPTION_KEY: SECRET,
        SMTP_URL: `smtp://127.0.0.1:${env.smtpPort}`,
        RELAY_INTERVAL_MS: '50',
        QUEUE_PREFIX: env.queuePrefix,
      }),
      pino({ level: 'silent' }),
    );
    try {
      lanes = await Promise.all(Array.from({ length: LANES }, () => setUpLane(stack)));
    } finally {
      await worker.close();
    }
    owner = new Client({ connectionString: env.ownerUrl });
    await owner.connect();
    await owner.query(`
      CREATE SCHEMA fuzz;
      CREATE TABLE fuzz.writes (id bigserial PRIMARY KEY, tbl text NOT NULL, tenant text);
      CREATE FUNCTION fuzz.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS
        $$ BEGIN
          -- A session's "last seen" (kept to the minute on every request, refused or not) is not a write of the request.
          IF TG_TABLE_NAME = 'sessions' AND TG_OP = 'UPDATE' AND to_jsonb(NEW) - 'last_seen_at' = to_jsonb(OLD) - 'last_seen_at' THEN RETURN NULL; END IF;
          INSERT INTO fuzz.writes (tbl, tenant) VALUES (TG_TABLE_NAME, NULLIF(current_setting('app.tenant_id', true), '')); RETURN NULL;
        END $$;
      DO $$ DECLARE t record; BEGIN
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' LOOP
          EXECUTE format('CREATE TRIGGER fuzz_writes AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION fuzz.record()', t.tablename);
        END LOOP;
      END $$;`);
  }, 300_000);

  afterAll(async () => {
    await owner?.query('DROP SCHEMA IF EXISTS fuzz CASCADE').catch(() => undefined);
    await owner?.end();
    await stack?.close();
  });

  let lastWrite = 0;
  /** Writes since the last call, by tenant (`''` for writes made outside any tenant). */
  async function newWrites(): Promise<Map<string, number>> {
    const { rows } = await owner.query<{ tenant: string | null; n: string; last: string }>(
      'SELECT tenant, count(*) AS n, max(id) AS last FROM fuzz.writes WHERE id > $1 GROUP BY tenant',
      [lastWrite],
    );
    for (const row of rows) lastWrite = Math.max(lastWrite, Number(row.last));
    return new Map(rows.map((row) => [row.tenant ?? '', Number(row.n)]));
  }

  async function send(op: Operation, c: Case, token: string | undefined): Promise<Answer> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let payload: string | Buffer | undefined;
    if (op.body?.type === 'multipart' && c.body && typeof c.body === 'object' && !Array.isArray(c.body)) {
      const fields = Object.fromEntries(
        Object.entries(c.body)
          .filter(([k]) => k !== 'files')
          .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
      );
      const built = multipartBody(fields, 'files' in c.body ? [SAMPLE.pdf()] : []);
      payload = built.body;
      headers['content-type'] = built.contentType;
    } else if (c.body !== undefined && op.method !== 'GET') {
      payload = JSON.stringify(c.body);
      headers['content-type'] = 'application/json';
    }
    const response = await stack.app.inject({ method: op.method as 'GET', url: c.path + queryString(c.query), headers, payload });
    if (response.statusCode < 400 || !String(response.headers['content-type']).includes('json'))
      return { status: response.statusCode, messages: [] };
    const body = JSON.parse(response.body) as { message?: unknown; errors?: { message?: unknown }[] };
    const messages = [body.message, ...(body.errors ?? []).map((e) => e.message)].flat().filter((m): m is string => typeof m === 'string');
    return { status: response.statusCode, messages };
  }

  /** The first of these roles the policy lets through (anything but 403 on a plain call). */
  async function allowedRole(op: Operation): Promise<(typeof ROLE_ORDER)[number] | undefined> {
    const ids = lanes[0]!.ids;
    const plain: Case = {
      path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => (ids[name] ?? ids['id']!)[0]!),
      query: {},
      body: op.body ? {} : undefined,
    };
    for (const role of ROLE_ORDER) if ((await send(op, plain, lanes[0]!.tokens[role])).status !== 403) return role;
    return undefined;
  }

  /** A fuzzed call may end a session (logout, password change): sign that person in again. */
  async function keepSignedIn(): Promise<void> {
    for (const lane of lanes) {
      for (const role of ROLE_ORDER) {
        const me = await stack.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${lane.tokens[role]}` } });
        if (me.statusCode === 200) continue;
        const login = await stack.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: lane.emails[role], password: PASSWORD },
        });
        const token = login.statusCode === 200 ? (JSON.parse(login.body) as { accessToken?: string }).accessToken : undefined;
        if (token) lane.tokens[role] = token;
      }
    }
  }

  it(`sends every hostile value and ${RUNS} generated requests to every operation (seed ${SEED}), ${LANES} at a time`, async () => {
    const started = Date.now();
    const failures: string[] = [];
    const identifier = new RegExp(`\\b(${[...identifiersOfDocument(), ...ROLES.filter((r) => r.includes('_'))].join('|')})\\b`);
    const tally = { sent: 0, replayed: 0, refused: 0, serverErrors: 0 };
    const slowest: [string, number][] = [];
    await newWrites();
    for (const op of fuzzed) {
      const role = await allowedRole(op);
      if (!role) {
        failures.push(`${op.method} ${op.path}: no role is allowed to call it`);
        continue;
      }
      // The plain call that found the role may have written (it can succeed): not a case's write.
      await newWrites();
      const opStarted = Date.now();
      const replayedBefore = tally.replayed;
      const cases = casesFor(op, lanes[0]!.ids, RUNS, SEED);
      const check = (c: Case, answer: Answer, wrote: number) => {
        const label = `${op.method} ${c.path}${queryString(c.query).slice(0, 200)} as ${role} body ${JSON.stringify(c.body)?.slice(0, 200)}`;
        if (answer.status >= 500) failures.push(`${answer.status}: ${label}`);
        else if (answer.status >= 400 && wrote > 0) failures.push(`refused with ${answer.status} but wrote ${wrote} rows: ${label}`);
        const named = answer.messages.find((m) => identifier.test(m));
        if (named) failures.push(`message names an identifier: ${JSON.stringify(named)}: ${label}`);
      };
      for (let i = 0; i < cases.length; i += lanes.length) {
        const batch = cases.slice(i, i + lanes.length).map((c, k) => ({ c: forLane(c, lanes[0]!, lanes[k]!), lane: lanes[k]! }));
        const answers = await Promise.all(batch.map(({ c, lane }) => send(op, c, lane.tokens[role])));
        const writes = await newWrites();
        const untraced = writes.get('') ?? 0;
        batch.forEach(({ c, lane }, k) => check(c, answers[k]!, writes.get(lane.tenantId) ?? 0));
        tally.sent += batch.length;
        tally.refused += answers.filter((a) => a.status >= 400).length;
        tally.serverErrors += answers.filter((a) => a.status >= 500).length;
        if (!untraced) continue;
        // Writes outside any tenant cannot be told apart: each refused case of the batch goes again, alone.
        for (const [k, { c, lane }] of batch.entries()) {
          if (answers[k]!.status < 400) continue;
          const again = await send(op, c, lane.tokens[role]);
          const wrote = [...(await newWrites()).values()].reduce((a, b) => a + b, 0);
          tally.replayed++;
          check(c, again, again.status >= 400 ? wrote : 0);
        }
      }
      slowest.push([`${op.method} ${op.path} (${tally.replayed - replayedBefore} replayed)`, Date.now() - opStarted]);
      await keepSignedIn();
      await newWrites();
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(
      `fuzz: ${fuzzed.length} operations, ${tally.sent} requests (+${tally.replayed} replayed), ${RUNS} sampled per operation, seed ${SEED}, ${tally.refused} refused, ${tally.serverErrors} 5xx, ${seconds} s`,
    );
    console.log(
      `slowest: ${slowest
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
        .join(', ')}`,
    );
    expect(failures.slice(0, 40)).toEqual([]);
  }, 900_000);
});
