import { createSecretKey, randomUUID } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import jwt from 'jsonwebtoken';
import { Pool, type PoolClient } from 'pg';
import {
  commentInsertSql,
  membersByIdSql,
  membersWithRolesSql,
  noticeCtes,
  armOpening,
  disarm,
  namePreparedStatements,
  prepared,
  openingStatements,
  portalBaseUrl,
  portalUrl,
  writeTogether,
} from '@candor/db';
import { amountFor, hoursFor, sumAmounts } from '@candor/domain';
import * as Q from './queries';

/**
 * The ceiling: bare Fastify + pg running the API's SQL for the benchmark's five scenarios, with the
 * same access check (HS256, same secret, same claims, the session confirmed in the opening) and the same tenant transaction
 * (BEGIN; SET LOCAL app.tenant_id = '...'; ...; COMMIT) as the runtime role. No framework,
 * no validation library, no DI, no logging: what the database and Node can do at most.
 */
interface Actor {
  userId: string;
  tenantId: string;
  sessionId: string;
  role: string;
  clientAccountId: string | null;
}

const CLIENT_ROLES = new Set(['client_admin', 'client_member']);
const ROLES = new Set(['owner', 'manager', 'assistant', 'client_admin', 'client_member']);
const secret = process.env['JWT_SECRET']!;
// As the API: the hot reads as named prepared statements, unless DATABASE_PREPARED_STATEMENTS=false.
const pool = new Pool({
  connectionString: process.env['DATABASE_URL'],
  max: 20,
  // As the API (DATABASE_POOL_IDLE_SECONDS, 600 s unless set): connections kept through the lulls between a run's phases.
  idleTimeoutMillis: Number(process.env['DATABASE_POOL_IDLE_SECONDS'] ?? 600) * 1000,
  application_name: 'candor-ceiling',
  ...(!['false', '0'].includes(process.env['DATABASE_PREPARED_STATEMENTS'] ?? '') && { onConnect: namePreparedStatements }),
});
const app = Fastify({ logger: false });

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The API's check: a valid HS256 token (the secret as a KeyObject, as the API keeps it), whose session is then
 * confirmed in the tenant transaction's opening (auth_session_confirm), as on the API's routes that do so.
 */
const key = createSecretKey(Buffer.from(secret, 'utf8'));
function authenticate(request: FastifyRequest): Actor {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) throw new HttpError(401, 'Unauthorized');
  let claims: { sub?: string; tid?: string; sid?: string; role?: string; cid?: string | null };
  try {
    claims = jwt.verify(header.slice(7), key, { algorithms: ['HS256'] }) as typeof claims;
  } catch {
    throw new HttpError(401, 'Unauthorized');
  }
  if (!claims.sub || !claims.tid || !claims.sid || !claims.role || !ROLES.has(claims.role)) throw new HttpError(401, 'Unauthorized');
  return { userId: claims.sub, tenantId: claims.tid, sessionId: claims.sid, role: claims.role, clientAccountId: claims.cid ?? null };
}

async function inTenant<T>(actor: Actor, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    // As the API's withTenant: the opening, the session's confirmation included, rides in front of the first statement.
    armOpening(db, openingStatements(actor.tenantId, { session: actor }));
    const result = await work(db);
    if (!disarm(db)) await db.query('COMMIT');
    return result;
  } catch (error) {
    if (!disarm(db)) await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

/**
 * As the API's withTenant with `readOnly` (its @ReadsOnly routes): each statement a read-only transaction of its
 * own, its opening (the session's confirmation in the first) in front of it and its COMMIT after it, one round trip.
 */
async function readingInTenant<T>(actor: Actor, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  let opening = openingStatements(actor.tenantId, { session: actor, readOnly: true });
  const next = openingStatements(actor.tenantId, { readOnly: true });
  armOpening(db, opening, ['COMMIT']);
  const query = db.query as (text: string, values?: unknown[]) => Promise<unknown>;
  const reading = Object.create(db) as PoolClient;
  reading.query = ((text: string, values?: unknown[]) => {
    armOpening(db, opening, ['COMMIT']);
    opening = next;
    return query.call(db, text, values);
  }) as PoolClient['query'];
  try {
    return await work(reading);
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    disarm(db);
    db.release();
  }
}

function route<T>(handler: (actor: Actor, db: PoolClient, request: FastifyRequest) => Promise<T>, status = 200, readOnly = false) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const actor = authenticate(request);
      const body = await (readOnly ? readingInTenant : inTenant)(actor, (db) => handler(actor, db, request));
      return reply.code(status).send(body);
    } catch (error) {
      const code = error instanceof HttpError ? error.status : 500;
      return reply.code(code).send({ statusCode: code, message: (error as Error).message });
    }
  };
}

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function presentWorkLog(client: boolean, row: Row) {
  const seconds = row['durationSeconds'] ?? 0;
  return {
    id: row['id'],
    engagementId: row['engagementId'],
    engagementName: row['engagementName'],
    assistant: client && row['disclosureId'] !== null ? null : { id: row['assistantId'], displayName: row['assistantName'] },
    source: row['source'],
    status: row['status'],
    running: row['source'] !== 'adjustment' && row['endedAt'] === null,
    startedAt: row['startedAt'],
    endedAt: row['endedAt'],
    durationSeconds: row['durationSeconds'],
    hours: hoursFor(seconds),
    notes: row['notes'],
    billable: row['billable'],
    hourlyRate: row['hourlyRate'],
    currency: row['currency'],
    amount: row['billable'] ? amountFor(seconds, row['hourlyRate']) : '0.00',
    fixedAtNoCharge: row['disclosureId'] !== null && !row['billable'],
    weekId: row['weekId'],
    adjustsId: row['adjustsId'],
    disclosureId: row['disclosureId'],
    autoStoppedAt: row['autoStoppedAt'],
    createdAt: row['createdAt'],
    updatedAt: row['updatedAt'],
  };
}

const cursorOf = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return { at: new Date(at ?? ''), id: id ?? '' };
}

app.get('/health', async () => ({ status: 'ok' }));

app.get(
  '/api/v1/work-logs',
  route(
    async (actor, db, request) => {
      const query = request.query as { limit?: string; cursor?: string };
      const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50)));
      const client = CLIENT_ROLES.has(actor.role);
      const params: unknown[] = [actor.tenantId];
      const p = (value: unknown) => `$${params.push(value)}`;
      const where = ['w.tenant_id = $1'];
      if (client) where.push(`w.client_account_id = ${p(actor.clientAccountId)}`);
      if (client) where.push(`w.status <> 'draft'`);
      if (query.cursor) {
        const after = decodeCursor(query.cursor);
        where.push(`(w.started_at, w.id) < (${p(after.at)}, ${p(after.id)})`);
      }
      const { rows } = await db.query(
        prepared(Q.WORK_LOG_PAGE.replace('PAGE', `${where.join(' AND ')} ORDER BY w.started_at DESC, w.id DESC LIMIT ${p(limit + 1)}`)),
        params,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map((r) => presentWorkLog(client, r)),
        nextCursor: rows.length > limit && last ? cursorOf(last.startedAt, last.id) : null,
      };
    },
    200,
    true,
  ),
);

app.get(
  '/api/v1/engagements/:id/timesheet',
  route(
    async (actor, db, request) => {
      const { id } = request.params as { id: string };
      const query = request.query as { period: 'week' | 'month'; start: string };
      const client = CLIENT_ROLES.has(actor.role);
      const params = [actor.tenantId, id, query.start, query.period, client ? actor.clientAccountId : null, client];
      const found = (await db.query(prepared(Q.TIMESHEET_WITH_ENTRIES), params)).rows;
      const head = found[0];
      if (!head) throw new HttpError(404, 'Engagement not found');
      const rows = found.filter((r) => r['id'] !== null);
      const entries = rows.map((r) => presentWorkLog(client, r));
      const seconds = (keep: (e: Row) => boolean) => rows.filter(keep).reduce((sum, e) => sum + (e['durationSeconds'] ?? 0), 0);
      return {
        tenantName: head['head.tenantName'],
        engagement: { id, name: head['head.engagementName'], clientName: head['head.clientName'], currency: head['head.currency'] },
        period: { kind: query.period, start: query.start, end: head['head.end'], timeZone: head['head.timeZone'] },
        entries,
        totals: {
          entryCount: entries.length,
          totalHours: hoursFor(seconds(() => true)),
          billableHours: hoursFor(seconds((e) => e['billable'])),
          nonBillableHours: hoursFor(seconds((e) => !e['billable'])),
          fixedAtNoChargeHours: hoursFor(seconds((e) => !e['billable'] && e['disclosureId'] !== null)),
          billableAmount: sumAmounts(entries.map((e) => e.amount)),
        },
      };
    },
    200,
    true,
  ),
);

function presentDisclosureForClient(row: Row, teamName: string) {
  return {
    id: row['id'],
    engagementId: row['engagementId'],
    engagementName: row['engagementName'],
    clientAccountId: row['clientAccountId'],
    clientName: row['clientName'],
    category: row['category'],
    severity: row['severity'],
    status: row['status'],
    author: { id: null, displayName: teamName },
    whatHappened: row['whatHappened'],
    impact: row['impact'],
    apology: row['apology'],
    remedyPlan: row['remedyPlan'],
    remedyDueAt: row['remedyDueAt'],
    remedyRounds: row['remedyRounds'],
    remedyAcceptedAt: row['remedyAcceptedAt'],
    remedyAcceptedBy: row['remedyAcceptedBy'] ? { id: row['remedyAcceptedBy'], displayName: row['remedyAcceptedByName'] ?? '' } : null,
    resolutionSummary: row['resolutionSummary'],
    preventionSummary: row['preventionSummary'],
    occurredAt: row['occurredAt'],
    discoveredAt: row['discoveredAt'],
    disclosedAt: row['disclosedAt'],
    timeToDiscloseSeconds: row['timeToDiscloseSeconds'],
    resolvedAt: row['resolvedAt'],
    closedAt: row['closedAt'],
    openOfferCount: row['openOfferCount'],
    needsClientAction:
      row['status'] === 'disclosed' || row['status'] === 'remedy_proposed' || row['openOfferCount'] > 0 || row['pendingCheckIn'],
  };
}

app.get(
  '/api/v1/disclosures',
  route(
    async (actor, db, request) => {
      const query = request.query as { limit?: string; cursor?: string };
      const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50)));
      const params: unknown[] = [actor.tenantId, actor.clientAccountId, actor.userId];
      const where = [`d.tenant_id = $1 AND d.client_account_id = $2 AND d.status NOT IN ('draft', 'in_review')`];
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      if (after) where.push(`(d.created_at, d.id) < ($${params.push(after.at)}, $${params.push(after.id)})`);
      const page = `${where.join(' AND ')} ORDER BY d.created_at DESC, d.id DESC LIMIT $${params.push(limit + 1)}`;
      const found = (await db.query(prepared(Q.DISCLOSURE_PAGE_WITH_FACTS(page)), params)).rows;
      const rows = found.filter((r) => r['id'] !== null);
      const last = rows[limit - 1];
      return {
        items: rows.slice(0, limit).map((r) => presentDisclosureForClient(r, `${found[0]!['fact.name']} team`)),
        nextCursor: rows.length > limit && last ? cursorOf(last['createdAt'], last['id']) : null,
      };
    },
    200,
    true,
  ),
);

app.post(
  '/api/v1/disclosures/:id/comments',
  route(async (actor, db, request) => {
    const { id } = request.params as { id: string };
    const body = String((request.body as { body?: string })?.body ?? '').trim();
    if (!body) throw new HttpError(400, 'body must not be empty');
    // The disclosure with the tenant's facts, its portal address and the commenter's name (RequestFacts.alongside).
    const [d] = (
      await db.query(prepared(Q.DISCLOSURE_WITH_FACTS), [actor.tenantId, actor.clientAccountId, id, actor.userId, actor.tenantId])
    ).rows;
    if (!d?.['id']) throw new HttpError(404, 'Disclosure not found');
    const url = portalUrl(
      portalBaseUrl({ slug: d['fact.slug'], domain: d['fact.domain'] }, { webUrl: 'http://candor.bench' }),
      `/disclosures/${id}`,
    );
    const payload = {
      tenantName: d['fact.name'],
      clientName: d['clientName'],
      engagementName: d['engagementName'],
      category: d['category'],
      severity: d['severity'],
      actorName: d['fact.actorName'] ?? '',
      url,
      comment: body,
    };
    // The comment and the team's emails (the author and the managers, each reader's preference applied) in one statement.
    const comment = {
      tenantId: actor.tenantId,
      subjectType: 'disclosure',
      subjectId: id,
      authorId: actor.userId,
      visibility: 'client',
    } as const;
    await writeTogether(db, [
      (bind) => `comment AS (${commentInsertSql(bind, { ...comment, kind: 'comment', id: randomUUID(), body })})`,
      (bind) => {
        const tenant = bind(actor.tenantId);
        const team = `SELECT DISTINCT ON ("userId") * FROM (${membersByIdSql(tenant, bind([d['authorId']]))}
          UNION ALL ${membersWithRolesSql(tenant, bind(['owner', 'manager']), bind(null))}) m`;
        const recipients = `SELECT * FROM (${team}) r WHERE (r."userId" <> ${bind(actor.userId)}::uuid) IS NOT FALSE`;
        return noticeCtes(bind, { name: 'notice', tenantId: actor.tenantId, template: 'disclosure_comment', recipients, payload });
      },
    ]);
    // The response: the disclosure read above with its detail.
    const [detail] = (await db.query(prepared(Q.DISCLOSURE_DETAIL), [actor.tenantId, id, null])).rows;
    return {
      ...presentDisclosureForClient(d, `${d['fact.name']} team`),
      offers: detail['offers'],
      followUps: detail['followUps'],
      timeline: (detail['timeline'] as Row[]).filter((t) => t['visibility'] === 'client'),
    };
  }, 201),
);

app.post(
  '/api/v1/work-logs',
  route(async (actor, db, request) => {
    const dto = request.body as { engagementId: string; startedAt: string; endedAt: string; notes?: string; billable?: boolean };
    const start = new Date(Math.floor(new Date(dto.startedAt).getTime() / 1000) * 1000);
    const end = new Date(Math.floor(new Date(dto.endedAt).getTime() / 1000) * 1000);
    // The assistant's lock with every fact the checks need (NewEntryRepository.facts).
    const lockKey = `work-logs:${actor.tenantId}:${actor.userId}`;
    const [facts] = (await db.query(prepared(Q.NEW_ENTRY_FACTS), [actor.tenantId, dto.engagementId, lockKey, start, actor.userId, null]))
      .rows;
    if (!facts?.['engagementId']) throw new HttpError(404, 'Engagement not found');
    if (facts['status'] !== 'active') throw new HttpError(409, 'Engagement is not active');
    if (!(end > start) || end.getTime() - start.getTime() > 86_400_000 || end.getTime() > Date.now() + 60_000)
      throw new HttpError(400, 'bad span');
    // The entry and its audit row unless the week is approved or it overlaps (NewEntryRepository.insert).
    const [row] = (
      await db.query(prepared(Q.INSERT_NEW_ENTRY), [
        actor.tenantId,
        actor.userId,
        dto.engagementId,
        facts['weekStart'],
        start,
        end,
        randomUUID(),
        facts['clientAccountId'],
        (end.getTime() - start.getTime()) / 1000,
        dto.notes?.trim() ?? '',
        dto.billable ?? true,
        facts['hourlyRate'],
        { after: dto },
      ])
    ).rows;
    if (row['weekStatus'] === 'approved') throw new HttpError(409, 'week approved');
    if (row['clash']) throw new HttpError(409, 'overlap');
    return presentWorkLog(false, row);
  }, 201),
);

const port = Number(process.env['PORT'] ?? 0);
app.listen({ port, host: '127.0.0.1' }).then((address) => {
  process.send?.({ type: 'listening', address });
});
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
