import jwt from 'jsonwebtoken';
import type { Client } from 'pg';

/**
 * Signs access tokens exactly as the API's TokenService does: HS256, claims sub/tid/sid/role/cid. The
 * session is the one `openSessions` made for the member (its id is the user's).
 */
export function accessToken(secret: string, claims: { sub: string; tid: string; role: string; cid: string | null }): string {
  return jwt.sign({ ...claims, sid: claims.sub }, secret, { algorithm: 'HS256', expiresIn: 4 * 3600 });
}

/** A live session for every member that has none (the API checks the token's session on every request). */
export async function openSessions(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO sessions (tenant_id, id, user_id, method) SELECT tenant_id, user_id, user_id, 'password' FROM memberships
     ON CONFLICT DO NOTHING`,
  );
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

/**
 * Who the load is made of: client admins drawn by tenant weight (the same slots the rows were drawn
 * from), so big tenants get most of the requests, and assistants likewise.
 */
export async function pickClients(db: Client, secret: string, count: number): Promise<ClientTarget[]> {
  const { rows } = await db.query<{
    tenant_id: string;
    client_account_id: string;
    engagement_id: string;
    user_id: string;
    week: string;
    disclosure_id: string | null;
  }>(
    `SELECT s.tenant_id, s.client_account_id, s.engagement_id, u.id AS user_id,
            to_char(date_trunc('week', now() - interval '31 days' - random() * interval '700 days'), 'YYYY-MM-DD') AS week,
            (SELECT d.id FROM disclosures d WHERE d.tenant_id = s.tenant_id AND d.client_account_id = s.client_account_id
               AND d.status NOT IN ('draft', 'in_review') LIMIT 1) AS disclosure_id
     FROM (SELECT * FROM bench.slots ORDER BY random() LIMIT $1) s
     JOIN bench.users u ON u.tenant_id = s.tenant_id AND u.client_account_id = s.client_account_id AND u.role = 'client_admin'`,
    [count],
  );
  return rows.map((r) => ({
    token: accessToken(secret, { sub: r.user_id, tid: r.tenant_id, role: 'client_admin', cid: r.client_account_id }),
    tenantId: r.tenant_id,
    clientAccountId: r.client_account_id,
    engagementId: r.engagement_id,
    weekStart: r.week,
    disclosureId: r.disclosure_id,
  }));
}

export async function pickAssistants(db: Client, secret: string, count: number): Promise<AssistantTarget[]> {
  const { rows } = await db.query<{ tenant_id: string; engagement_id: string; a1: string }>(
    `SELECT DISTINCT ON (a1) tenant_id, engagement_id, a1 FROM (SELECT * FROM bench.slots ORDER BY random() LIMIT $1) s`,
    [count * 3],
  );
  return rows.slice(0, count).map((r) => ({
    token: accessToken(secret, { sub: r.a1, tid: r.tenant_id, role: 'assistant', cid: null }),
    tenantId: r.tenant_id,
    userId: r.a1,
    engagementId: r.engagement_id,
  }));
}

/** Owners' tokens by tenant id (they disclose: with review required, only owners and managers may). */
export async function ownerTokens(db: Client, secret: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ tenant_id: string; id: string }>(`SELECT tenant_id, id FROM bench.users WHERE role = 'owner'`);
  return new Map(rows.map((r) => [r.tenant_id, accessToken(secret, { sub: r.id, tid: r.tenant_id, role: 'owner', cid: null })]));
}
