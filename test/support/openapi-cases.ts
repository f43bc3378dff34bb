import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Requests generated from the published OpenAPI document: for each operation, values its schemas
 * would accept with, mostly, ONE field replaced by a hostile value, so the bad value reaches deep code.
 * Ids are drawn from `ids` by parameter or property name (`engagementId`, else `id`).
 */
export type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  example?: unknown;
  minimum?: number;
  maximum?: number;
  nullable?: boolean;
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema?: Schema };
export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { type: 'json' | 'multipart'; schema: Schema };
}

export const doc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'apps', 'api', 'openapi.json'), 'utf8'));
const resolve = (schema: Schema | undefined): Schema => {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
  if (s.allOf?.length === 1) return resolve(s.allOf[0]);
  return s;
};

export const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
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
const HOSTILE_TEXT = [
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
];
const HOSTILE_OTHER: unknown[] = [null, true, false, 0, -1, 1e308, -1e308, 0.000001, 2 ** 53, [], {}, [null], { a: { b: { c: {} } } }];
const OPEN_ENDED: fc.Arbitrary<unknown>[] = [fc.string({ unit: 'binary', maxLength: 40 }), fc.integer(), fc.double()];
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom(...HOSTILE_OTHER), ...OPEN_ENDED);

/** A value the schema would accept (as far as the document says): the baseline a mutation starts from. */
function plausible(schema: Schema | undefined, ids: Record<string, string[]>, name: string): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.format === 'uuid' || /Id$|^id$/.test(name)) return fc.constantFrom(...(ids[name] ?? ids['id']!));
  if (s.example !== undefined) return fc.constant(s.example);
  if (/email/i.test(name)) return fc.uuid().map((u) => `fuzz.${u.slice(0, 8)}@e2e.candor.test`);
  if (/At$/.test(name) || s.format === 'date-time')
    return fc.date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
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
    .tuple(
      plausibleObject(s, ids),
      keys.length ? fc.constantFrom(...keys, '__unknown__') : fc.constant('__unknown__'),
      hostileValue,
      fc.nat(),
    )
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

export interface Case {
  path: string;
  query: Record<string, unknown>;
  body: unknown;
}

const querySchema = (op: Operation): Schema => {
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  return {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema ?? {}])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
};

const toCase = (op: Operation, params: Record<string, unknown>, query: Record<string, unknown>, body: unknown): Case => ({
  path: op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeSegment(String(params[name]))),
  query,
  body,
});

export function caseFor(op: Operation, ids: Record<string, string[]>): fc.Arbitrary<Case> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const pathArb = fc.record(
    Object.fromEntries(
      pathParams.map((p) => [
        p.name,
        fc.oneof({ weight: 6, arbitrary: plausible(p.schema, ids, p.name) }, { weight: 1, arbitrary: hostileValue }),
      ]),
    ),
  );
  const queryArb = op.parameters.some((p) => p.in === 'query') ? mutatedObject(querySchema(op), ids) : fc.constant({});
  const bodyArb: fc.Arbitrary<unknown> = op.body ? objectFor(op.body.schema, ids) : fc.constant(undefined);
  return fc
    .tuple(pathArb, queryArb as fc.Arbitrary<Record<string, unknown>>, bodyArb)
    .map(([params, query, body]) => toCase(op, params, query, body));
}

/** Where one hostile value can go: a path or query parameter, a body field (or an unknown one), or the whole body (null). */
type Slot = { in: 'path' | 'query' | 'body'; name: string | null };

function slotsOf(op: Operation): Slot[] {
  const slots: Slot[] = op.parameters.map((p) => ({ in: p.in, name: p.name }));
  if (!op.body) return slots;
  const fields = Object.keys(resolve(op.body.schema).properties ?? {});
  return [...slots, ...fields.map((name) => ({ in: 'body' as const, name })), { in: 'body', name: 'surprise' }, { in: 'body', name: null }];
}

/**
 * Every kind of hostile value once (each constant, one sample of each open-ended kind), each put in one
 * of the operation's inputs, the inputs taken in turn, the rest of the request plausible: random
 * sampling alone left most of the constants unsent to most routes.
 */
function sweep(op: Operation, ids: Record<string, string[]>, seed: number): Case[] {
  const slots = slotsOf(op);
  if (!slots.length) return [];
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const plausibleRequest = fc.tuple(
    fc.record(Object.fromEntries(pathParams.map((p) => [p.name, plausible(p.schema, ids, p.name)]))),
    plausibleObject(querySchema(op), ids),
    op.body ? plausibleObject(op.body.schema, ids) : fc.constant(undefined),
  );
  const [[params, query, body]] = fc.sample(plausibleRequest, { seed, numRuns: 1 }) as [
    [Record<string, unknown>, Record<string, unknown>, unknown],
  ];
  const values = [...HOSTILE_TEXT, ...HOSTILE_OTHER, ...OPEN_ENDED.map((kind) => fc.sample(kind, { seed, numRuns: 1 })[0])];
  return values.map((value, k) => {
    const slot = slots[k % slots.length]!;
    if (slot.in === 'path') return toCase(op, { ...params, [slot.name!]: value }, query, body);
    if (slot.in === 'query') return toCase(op, params, { ...query, [slot.name!]: value }, body);
    return toCase(op, params, query, slot.name === null ? value : { ...(body as object), [slot.name]: value });
  });
}

const encodeSegment = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
};

export const queryString = (query: Record<string, unknown>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    search.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/**
 * The cases of one operation, the same on every run for a seed: the sweep of every hostile value, then `runs`
 * sampled ones (not shrunk), each distinct request once (an operation without input has a single one).
 */
export function casesFor(op: Operation, ids: Record<string, string[]>, runs: number, seed: number): Case[] {
  const seen = new Set<string>();
  return [...sweep(op, ids, seed), ...fc.sample(caseFor(op, ids), { seed, numRuns: runs })].filter((c) => {
    const request = `${c.path}${queryString(c.query)} ${JSON.stringify(c.body)}`;
    if (seen.has(request)) return false;
    seen.add(request);
    return true;
  });
}

/** Every property and parameter name of the document written like code (`whatHappened`, `client_member`). */
export function identifiersOfDocument(): string[] {
  const names = new Set<string>();
  for (const schema of Object.values(doc.components.schemas as Record<string, Schema>))
    for (const name of Object.keys(schema.properties ?? {})) names.add(name);
  for (const op of operations) for (const parameter of op.parameters) names.add(parameter.name);
  return [...names].filter((name) => /[a-z][A-Z]|_/.test(name));
}
