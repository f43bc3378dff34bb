import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';

interface Claims {
  sub: string;
  tid: string;
  role: string;
  cid: string | null;
}

/** Signs access tokens exactly as the API's TokenService does: HS256, claims sub/tid/sid/role/cid. */
function accessToken(secret: string, claims: Claims & { sid: string }): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: 4 * 3600 });
}

/**
 * Signs each person in: a live session row (the API checks it on every request, as the JWT strategy does
 * for a real sign-in) and an access token naming it. Written as the owner, one statement for all.
 */
export async function sessionTokens(db: Client, secret: string, people: readonly Claims[]): Promise<string[]> {
  const sessions = people.map((p) => ({ ...p, sid: randomUUID() }));
  await db.query(
    `INSERT INTO sessions (tenant_id, id, user_id, method)
     SELECT t, s, u, 'password' FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(t, s, u)`,
    [sessions.map((p) => p.tid), sessions.map((p) => p.sid), sessions.map((p) => p.sub)],
  );
  return sessions.map((p) => accessToken(secret, p));
}

export interface ClientTarget {
  token: string;
  tenantId: string;
  clientAccountId: string;
  engagementId: string;
  /** A Monday inside the data range, for the week totals. */
  weekStart: string;
  /** A disclosed disclosure of this client account, to comment on. */
  disclosureId: string | null;
}

export interface AssistantTarget {
  token: string;
  tenantId: string;
  userId: string;
  engagementId: string;
}

const CLIENT_ROWS = `SELECT s.tenant_id, s.client_account_id, s.engagement_id, u.id AS user_id,
            to_char(date_trunc('week', now() - interval '31 days' - random() * interval '700 days'), 'YYYY-MM-DD') AS week,
            (SELECT d.id FROM disclosures d WHERE d.tenant_id = s.tenant_id AND d.client_account_id = s.client_account_id
               AND d.status NOT IN ('draft', 'in_review') LIMIT 1) AS disclosure_id
     FROM SLOTS s
     JOIN bench.users u ON u.tenant_id = s.tenant_id AND u.client_account_id = s.client_account_id AND u.role = 'client_admin'`;

async function clientTargets(db: Client, secret: string, slots: string, count: number): Promise<ClientTarget[]> {
  const { rows } = await db.query<{
    tenant_id: string;
    client_account_id: string;
    engagement_id: string;
    user_id: string;
    week: string;
    disclosure_id: string | null;
  }>(CLIENT_ROWS.replace('SLOTS', `(${slots})`), [count]);
  const tokens = await sessionTokens(
    db,
    secret,
    rows.map((r) => ({ sub: r.user_id, tid: r.tenant_id, role: 'client_admin', cid: r.client_account_id })),
  );
  return rows.map((r, i) => ({
    token: tokens[i]!,
    tenantId: r.tenant_id,
    clientAccountId: r.client_account_id,
    engagementId: r.engagement_id,
    weekStart: r.week,
    disclosureId: r.disclosure_id,
  }));
}

/**
 * Who the load is made of: client admins drawn by tenant weight (the same slots the rows were drawn
 * from), so big tenants get most of the requests, and assistants likewise.
 */
export function pickClients(db: Client, secret: string, count: number): Promise<ClientTarget[]> {
  return clientTargets(db, secret, 'SELECT * FROM bench.slots ORDER BY random() LIMIT $1', count);
}

/** Client admins of the largest tenant only (~19 % of all rows): the customers who would feel a plan that grows with the tenant. */
export function pickLargestTenantClients(db: Client, secret: string, count: number): Promise<ClientTarget[]> {
  return clientTargets(
    db,
    secret,
    `SELECT * FROM bench.slots WHERE tenant_id = (SELECT id FROM bench.tenants WHERE n = 1) ORDER BY random() LIMIT $1`,
    count,
  );
}

export async function pickAssistants(db: Client, secret: string, count: number): Promise<AssistantTarget[]> {
  const { rows } = await db.query<{ tenant_id: string; engagement_id: string; a1: string }>(
    `SELECT DISTINCT ON (a1) tenant_id, engagement_id, a1 FROM (SELECT * FROM bench.slots ORDER BY random() LIMIT $1) s`,
    [count * 3],
  );
  const picked = rows.slice(0, count);
  const tokens = await sessionTokens(
    db,
    secret,
    picked.map((r) => ({ sub: r.a1, tid: r.tenant_id, role: 'assistant', cid: null })),
  );
  return picked.map((r, i) => ({
    token: tokens[i]!,
    tenantId: r.tenant_id,
    userId: r.a1,
    engagementId: r.engagement_id,
  }));
}

/** Owners' tokens by tenant id (they disclose: with review required, only owners and managers may). */
export async function ownerTokens(db: Client, secret: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ tenant_id: string; id: string }>(`SELECT tenant_id, id FROM bench.users WHERE role = 'owner'`);
  const tokens = await sessionTokens(
    db,
    secret,
    rows.map((r) => ({ sub: r.id, tid: r.tenant_id, role: 'owner', cid: null })),
  );
  return new Map(rows.map((r, i) => [r.tenant_id, tokens[i]!]));
}
