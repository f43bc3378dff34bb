import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { addMember, createClientAccount, createDeliverable, createDisclosure, createEngagement, createWorkLog, signUpTenant } from '../support/factories';
import { multipartBody, SAMPLE } from '../support/multipart';
import { readTestEnv } from '../setup/test-env';
import { startStack, type Stack } from '../support/stack';

/*
 * Property-based fuzz over EVERY operation of the published OpenAPI document: hostile values are
 * generated from each operation's own schemas (path, query, body), sent as a role allowed to call it,
 * and the API must never answer 5xx, nor write anything when it refuses (4xx). Writes are counted by
 * row triggers on every table, so a refused request that committed even one row is caught.
 * FUZZ_RUNS sets the cases per operation: the default 20 (about 1,850 requests) keeps the run near 2-3 minutes on
 * 2 shared cores, where a request takes 60-115 ms; FUZZ_RUNS=300 for a long run by hand.
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 20);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);

type Schema = { $ref?: string; type?: string; enum?: unknown[]; format?: string; items?: Schema; properties?: Record<string, Schema>; required?: string[]; example?: unknown; minimum?: number; maximum?: number; nullable?: boolean; oneOf?: Schema[]; allOf?: Schema[] };
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema };
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { type: 'json' | 'multipart'; schema: Schema };
}

const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'openapi.json'), 'utf8'));
const resolve = (schema: Schema | undefined): Schema => {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
  if (s.allOf?.length === 1) return resolve(s.allOf[0]);
  return s;
};

const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => {
    const content = op.requestBody?.content ?? {};
    const body = content['application/json']
      ? { type: 'json' as const, schema: content['application/json'].schema }
      : content['multipart/form-data']
        ? { type: 'multipart' as const, schema: content['multipart/form-data'].schema }
        : undefined;
    return { method: method.toUpperCase(), path, parameters: op.parameters ?? [], body };
  }),
);

// Values that broke this API before, and their relatives.
const hostileText = fc.constantFrom(
  '',
  '   ',
  '\t\n',
  'a\u0000b',
  '\u0000',
  'x\ud800',
  '\udfff',
  '\u202e',
  '2026-W48',
  '2026-335',
  '2026-01',
  '0000-01-01',
  '0000-11-23T08:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  '../../etc/passwd',
  "'; DROP TABLE users; --",
  '%00',
  'x'.repeat(20_000),
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-000000000000',
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 0.000001, 2 ** 53, [], {}, [null], { a: { b: { c: {} } } }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
);

/** A value the schema would accept (as far as the document says): the baseline a mutation starts from. */
function plausible(schema: Schema | undefined, ids: Record<string, string[]>, name: string): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.format === 'uuid' || /Id$|^id$/.test(name)) return fc.constantFrom(...(ids[name] ?? ids['id']!));
  if (s.example !== undefined) return fc.constant(s.example);
  if (/email/i.test(name)) return fc.uuid().map((u) => `fuzz.${u.slice(0, 8)}@e2e.candor.test`);
  if (/At$/.test(name) || s.format === 'date-time') return fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.type === 'number' || s.type === 'integer') return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 100 });
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'array') return fc.array(plausible(s.items, ids, name), { maxLength: 2 });
  if (s.type === 'object' || s.properties) return plausibleObject(s, ids);
  return fc.string({ minLength: 1, maxLength: 20 }).map((t) => `Fuzz ${t}`);
}

function plausibleObject(schema: Schema, ids: Record<string, string[]>): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(schema);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, value] of Object.entries(s.properties ?? {})) record[key] = plausible(value, ids, key);
  return fc.record(record, { requiredKeys: s.required ?? [] });
}

/** A plausible object with ONE property (known, nested or unknown) replaced by a hostile value. */
function mutatedObject(schema: Schema, ids: Record<string, string[]>): fc.Arbitrary<Record<string, unknown>> {
  const s = resolve(schema);
  const keys = Object.keys(s.properties ?? {});
  const nested = keys.filter((k) => resolve(s.properties![k]).properties);
  return fc
    .tuple(plausibleObject(s, ids), keys.length ? fc.constantFrom(...keys, '__unknown__') : fc.constant('__unknown__'), hostileValue, fc.nat())
    .chain(([base, key, bad, pick]) => {
      if (nested.length && pick % 4 === 0) {
        const inner = nested[pick % nested.length]!;
        return mutatedObject(s.properties![inner]!, ids).map((value) => ({ ...base, [inner]: value }));
      }
      return fc.constant({ ...base, [key === '__unknown__' ? 'surprise' : key]: bad });
    });
}

/** Mostly one hostile field in an otherwise acceptable input, so the bad value reaches deep code. */
function objectFor(schema: Schema, ids: Record<string, string[]>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 5, arbitrary: mutatedObject(schema, ids) },
    { weight: 2, arbitrary: plausibleObject(schema, ids) },
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: hostileValue },
  );
}

interface Case {
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

function caseFor(op: Operation, ids: Record<string, string[]>): fc.Arbitrary<Case> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof({ weight: 6, arbitrary: plausible(p.schema, ids, p.name) }, { weight: 1, arbitrary: hostileValue }),
      ]),
    ),
  );
  const queryArb = queryParams.length
    ? mutatedObject({ type: 'object', properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])), required: queryParams.filter((p) => p.required).map((p) => p.name) }, ids)
    : fc.constant({});
  const bodyArb: fc.Arbitrary<unknown> = op.body ? objectFor(op.body.schema, ids) : fc.constant(undefined);
  return fc.tuple(pathArb, queryArb as fc.Arbitrary<Record<string, unknown>>, bodyArb).map(([params, query, body]) => ({
    path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(String(params[name]))),
    query,
    body,
  }));
}

const encodeSegment = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
};

const queryString = (query: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    search.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

describe('OpenAPI fuzz: no 5xx, and nothing written by a refused request', () => {
  let stack: Stack;
  let owner: Client;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string[]> = {};

  beforeAll(async () => {
    // No worker: the relay's own writes would look like writes of refused requests.
    stack = await startStack({ worker: false });
    const api = stack.api;
    const tenant = await signUpTenant(api);
    tokens['owner'] = tenant.owner.token;
    const clientId = await createClientAccount(api, tenant.owner.token);
    const engagement = await createEngagement(api, tenant.owner.token, clientId, { retainerHoursPerMonth: '10' });
    const log = await createWorkLog(api, tenant.owner.token, engagement.id, { startedAt: '2026-11-23T08:00:00Z', endedAt: '2026-11-23T09:00:00Z', notes: 'Inbox' });
    const discovered = { occurredAt: '2026-11-20T09:00:00Z', discoveredAt: '2026-11-21T09:00:00Z', whatHappened: 'A typo' };
    const disclosure = await createDisclosure(api, tenant.owner.token, engagement.id, discovered);
    const deliverable = await createDeliverable(api, tenant.owner.token, engagement.id, { title: 'Newsletter' });
    const offer = await api.post(`/api/v1/disclosures/${disclosure.id}/offers`, { kind: 'free_revision' }, tenant.owner.token);
    const week = await api.post('/api/v1/timesheet-weeks', { engagementId: engagement.id, weekStart: '2026-11-23' }, tenant.owner.token);
    const share = await api.post(`/api/v1/engagements/${engagement.id}/share-links`, {}, tenant.owner.token);
    // Members need the invitation email, so a worker runs only for this part.
    const { startWorker } = await import('../../apps/worker/src/worker');
    const { loadWorkerConfig } = await import('../../apps/worker/src/config/worker-config');
    const pino = (await import('pino')).default;
    const env = readTestEnv();
    const worker = await startWorker(
      loadWorkerConfig({
        DATABASE_URL: env.appUrl,
        REDIS_URL: env.redisUrl,
        DATA_ENCRYPTION_KEY: 'e2e-secret-that-is-long-enough-0123456789',
        SMTP_URL: `smtp://127.0.0.1:${env.smtpPort}`,
        RELAY_INTERVAL_MS: '50',
        QUEUE_PREFIX: env.queuePrefix,
      }),
      pino({ level: 'silent' }),
    );
    try {
      tokens['client_admin'] = (await addMember(api, tenant.owner.token, 'client_admin', clientId)).token;
      tokens['assistant'] = (await addMember(api, tenant.owner.token, 'assistant')).token;
    } finally {
      await worker.close();
    }
    const known = (value: unknown) => (typeof value === 'string' ? [value] : []);
    ids['id'] = [engagement.id, log.id, disclosure.id, deliverable.id, clientId, ...known(offer.body?.id), ...known(week.body?.id), ...known(share.body?.id)];
    ids['engagementId'] = [engagement.id];
    ids['clientAccountId'] = [clientId];
    ids['tenantId'] = [tenant.tenantId];
    ids['fileId'] = ['00000000-0000-4000-8000-000000000000'];
    ids['token'] = ['x'.repeat(43)];

    owner = new Client({ connectionString: env.ownerUrl });
    await owner.connect();
    await owner.query(`
      CREATE SCHEMA fuzz;
      CREATE TABLE fuzz.writes (id bigserial PRIMARY KEY, tbl text NOT NULL);
      CREATE FUNCTION fuzz.record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS
        $$ BEGIN INSERT INTO fuzz.writes (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$;
      DO $$ DECLARE t record; BEGIN
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' LOOP
          EXECUTE format('CREATE TRIGGER fuzz_writes AFTER INSERT OR UPDATE OR DELETE ON public.%I FOR EACH ROW EXECUTE FUNCTION fuzz.record()', t.tablename);
        END LOOP;
      END $$;`);
  }, 120_000);

  afterAll(async () => {
    await owner?.query('DROP SCHEMA IF EXISTS fuzz CASCADE').catch(() => undefined);
    await owner?.end();
    await stack?.close();
  });

  const writes = async (): Promise<number> => Number((await owner.query('SELECT coalesce(max(id), 0) AS n FROM fuzz.writes')).rows[0].n);

  async function send(op: Operation, c: Case, token: string | undefined): Promise<number> {
    const url = new URL(c.path + queryString(c.query), stack.api.baseUrl);
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    let body: string | Uint8Array | undefined;
    if (op.body?.type === 'multipart' && c.body && typeof c.body === 'object' && !Array.isArray(c.body)) {
      const fields = Object.fromEntries(Object.entries(c.body).filter(([k]) => k !== 'files').map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
      const built = multipartBody(fields, 'files' in c.body ? [SAMPLE.pdf()] : []);
      body = new Uint8Array(built.body);
      headers['content-type'] = built.contentType;
    } else if (c.body !== undefined && op.method !== 'GET') {
      body = JSON.stringify(c.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(url, { method: op.method, headers, body });
    await response.arrayBuffer();
    return response.status;
  }

  /** The first of these roles the policy lets through (anything but 403 on a plain call). */
  async function allowedRole(op: Operation): Promise<string | undefined> {
    const plain: Case = { path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => (ids[name] ?? ids['id']!)[0]!), query: {}, body: op.body ? {} : undefined };
    for (const role of ['owner', 'client_admin', 'assistant']) {
      if ((await send(op, plain, tokens[role])) !== 403) return role;
    }
    return undefined;
  }

  it(`sends ${RUNS} generated requests to every operation (seed ${SEED})`, async () => {
    const started = Date.now();
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations) {
      const role = await allowedRole(op);
      if (!role) {
        failures.push(`${op.method} ${op.path}: no role is allowed to call it`);
        continue;
      }
      let before = await writes();
      await fc.assert(
        fc.asyncProperty(caseFor(op, ids), async (c) => {
          const status = await send(op, c, tokens[role]);
          sent++;
          const after = await writes();
          const label = `${op.method} ${c.path}${queryString(c.query).slice(0, 200)} as ${role} body ${JSON.stringify(c.body)?.slice(0, 200)}`;
          if (status >= 500) failures.push(`${status}: ${label}`);
          else if (status >= 400 && after !== before) failures.push(`refused with ${status} but wrote ${after - before} rows: ${label}`);
          before = after;
          return true;
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    console.log(`fuzz: ${operations.length} operations, ${sent} requests, ${RUNS} per operation, seed ${SEED}, ${Math.round((Date.now() - started) / 1000)} s`);
    expect(failures.slice(0, 40)).toEqual([]);
  }, 600_000);
});
