import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertLinkRows, prepared, scopeCondition, scopeWhere, sqlList, SqlParams, type CtePart } from '@candor/db';
import { MONEY_OFFER_KINDS, UNDISCLOSED_STATUSES, type DisclosureStatus, type Scope } from '@candor/domain';
import type { KeysetPosition } from '../../common/keyset-cursor';
import type { Lookup } from '../../common/request-facts';

export interface DisclosureRow {
  id: string;
  engagementId: string;
  engagementName: string;
  clientAccountId: string;
  clientName: string;
  deliverableId: string | null;
  authorId: string;
  authorName: string;
  category: string;
  severity: string;
  detectedBy: string;
  status: DisclosureStatus;
  whatHappened: string;
  impact: string;
  apology: string;
  remedyPlan: string;
  remedyDueAt: Date | null;
  remedyRounds: number;
  remedyAcceptedAt: Date | null;
  remedyAcceptedBy: string | null;
  remedyAcceptedByName: string | null;
  resolutionSummary: string;
  preventionSummary: string;
  rootCause: string;
  contributingFactors: string;
  lessonsLearned: string;
  preventiveActions: string;
  occurredAt: Date;
  discoveredAt: Date;
  disclosedAt: Date | null;
  timeToDiscloseSeconds: number | null;
  resolvedAt: Date | null;
  timeToResolveSeconds: number | null;
  closedAt: Date | null;
  createdAt: Date;
  openOfferCount: number;
  pendingCheckIn: boolean;
}

export interface OfferRow {
  id: string;
  disclosureId: string;
  kind: string;
  value: string | null;
  currency: string | null;
  note: string;
  status: string;
  expiresAt: Date;
  createdAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  declineReason: string | null;
  appliedAt: Date | null;
}

export interface FollowUpRow {
  id: string;
  disclosureId: string;
  kind: 'client_check_in' | 'team_retrospective';
  status: 'pending' | 'done' | 'skipped';
  dueAt: Date;
  outcome: string | null;
  skipReason: string | null;
  clientResolved: boolean | null;
  rating: number | null;
  completedAt: Date | null;
}

export interface TimelineRow {
  id: string;
  type: 'event' | 'comment';
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  visibility: 'client' | 'internal';
  actorId: string | null;
  actorName: string | null;
  actorIsClient: boolean;
  at: Date;
}

/** What a disclosure's answer shows beside its row. */
export interface DisclosureDetail {
  offers: OfferRow[];
  followUps: FollowUpRow[];
  timeline: TimelineRow[];
  involved: { id: string; displayName: string; email: string }[];
}

export interface DisclosureFilter {
  id?: string;
  engagementId?: string;
  clientAccountId?: string;
  status?: DisclosureStatus;
  category?: string;
  after?: KeysetPosition;
  limit?: number;
}

/** A computed column value, written as SQL: only constants of the code, never a caller's words. */
export class SqlExpression {
  constructor(readonly text: string) {}
}

/** An offer's value as text: money keeps its 2 decimals, a percent, hours or days drop trailing zeros ("10", "1.5"). */
export const offerValueText = (kind: string, value: string): string =>
  `CASE WHEN ${kind} IN (${sqlList(MONEY_OFFER_KINDS)}) THEN ${value}::text ELSE trim_scale(${value})::text END`;
export const OFFER_VALUE_TEXT = offerValueText('o.kind', 'o.value');

const DISCLOSURE_COLUMNS = `
  d.id, d.engagement_id AS "engagementId", e.name AS "engagementName", d.client_account_id AS "clientAccountId", c.name AS "clientName",
  d.deliverable_id AS "deliverableId", d.author_id AS "authorId", au.display_name AS "authorName", d.category, d.severity, d.detected_by AS "detectedBy", d.status,
  d.what_happened AS "whatHappened", d.impact, d.apology, d.remedy_plan AS "remedyPlan", d.remedy_due_at AS "remedyDueAt",
  d.remedy_rounds AS "remedyRounds", d.remedy_accepted_at AS "remedyAcceptedAt", d.remedy_accepted_by AS "remedyAcceptedBy",
  ra.display_name AS "remedyAcceptedByName", d.resolution_summary AS "resolutionSummary", d.prevention_summary AS "preventionSummary",
  d.root_cause AS "rootCause", d.contributing_factors AS "contributingFactors", d.lessons_learned AS "lessonsLearned",
  d.preventive_actions AS "preventiveActions", d.occurred_at AS "occurredAt", d.discovered_at AS "discoveredAt",
  d.disclosed_at AS "disclosedAt", d.time_to_disclose_seconds AS "timeToDiscloseSeconds", d.resolved_at AS "resolvedAt",
  d.time_to_resolve_seconds AS "timeToResolveSeconds", d.closed_at AS "closedAt", d.created_at AS "createdAt",
  (SELECT count(*)::int FROM compensation_offers o WHERE o.tenant_id = d.tenant_id AND o.disclosure_id = d.id AND o.status = 'offered') AS "openOfferCount",
  EXISTS (SELECT 1 FROM follow_ups f WHERE f.tenant_id = d.tenant_id AND f.disclosure_id = d.id AND f.kind = 'client_check_in'
          AND f.status = 'pending') AS "pendingCheckIn"`;

/** The names a DisclosureRow shows, read by key for each row of `d` (already cut to a page, or the rows just changed). */
const NAMES_BY_KEY = `CROSS JOIN LATERAL (SELECT e.name FROM engagements e WHERE e.tenant_id = d.tenant_id AND e.id = d.engagement_id LIMIT 1) e
  CROSS JOIN LATERAL (SELECT c.name FROM client_accounts c WHERE c.tenant_id = d.tenant_id AND c.id = d.client_account_id LIMIT 1) c
  CROSS JOIN LATERAL (SELECT au.display_name FROM users au WHERE au.id = d.author_id LIMIT 1) au
  LEFT JOIN LATERAL (SELECT ra.display_name FROM users ra WHERE ra.id = d.remedy_accepted_by LIMIT 1) ra ON TRUE`;

const DISCLOSURE_SCOPE = { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' };

/** Offers (OfferRow) on disclosures in `scope`, narrowed to one disclosure and/or one offer; without ORDER BY. */
function offersSql(scope: Scope, filter: { disclosureId?: string; id?: string }, bind: (value: unknown) => string): string {
  const tenant = bind(scope.tenantId);
  const disclosure = bind(filter.disclosureId ?? null);
  const offer = bind(filter.id ?? null);
  return `SELECT o.id, o.disclosure_id AS "disclosureId", o.kind, ${OFFER_VALUE_TEXT} AS value, o.currency, o.note, o.status,
          o.expires_at AS "expiresAt", o.created_at AS "createdAt", o.decided_by AS "decidedBy", u.display_name AS "decidedByName",
          o.decided_at AS "decidedAt", o.decline_reason AS "declineReason", o.applied_at AS "appliedAt"
   FROM compensation_offers o LEFT JOIN users u ON u.id = o.decided_by
   JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
   WHERE o.tenant_id = ${tenant} AND (${disclosure}::uuid IS NULL OR o.disclosure_id = ${disclosure}) AND (${offer}::uuid IS NULL OR o.id = ${offer})
     AND ${scopeCondition(scope, DISCLOSURE_SCOPE, bind)}`;
}

/** Follow-ups (FollowUpRow) of disclosures in `scope`, narrowed to one disclosure and/or one follow-up; without ORDER BY. */
function followUpsSql(scope: Scope, filter: { disclosureId?: string; id?: string }, bind: (value: unknown) => string): string {
  const tenant = bind(scope.tenantId);
  const disclosure = bind(filter.disclosureId ?? null);
  const followUp = bind(filter.id ?? null);
  return `SELECT f.id, f.disclosure_id AS "disclosureId", f.kind, f.status, f.due_at AS "dueAt", f.outcome, f.skip_reason AS "skipReason",
          f.client_resolved AS "clientResolved", f.rating, f.completed_at AS "completedAt"
   FROM follow_ups f JOIN disclosures d ON d.tenant_id = f.tenant_id AND d.id = f.disclosure_id
   WHERE f.tenant_id = ${tenant} AND (${disclosure}::uuid IS NULL OR f.disclosure_id = ${disclosure}) AND (${followUp}::uuid IS NULL OR f.id = ${followUp})
     AND ${scopeCondition(scope, DISCLOSURE_SCOPE, bind)}`;
}

/** A disclosure's transitions and comments (TimelineRow) as `t`; without ORDER BY. */
const timelineSql = (tenantId: string, disclosureId: string) =>
  `SELECT t.*, u.display_name AS "actorName",
          EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = ${tenantId} AND m.user_id = t."actorId" AND m.client_account_id IS NOT NULL) AS "actorIsClient"
   FROM (
     SELECT id, 'event' AS type, action, from_status AS "fromStatus", to_status AS "toStatus", NULL AS body, visibility,
            actor_id AS "actorId", created_at AS at
     FROM disclosure_events WHERE tenant_id = ${tenantId} AND disclosure_id = ${disclosureId}
     UNION ALL
     SELECT id, 'comment', kind, NULL, NULL, body, visibility, author_id, created_at
     FROM comments WHERE tenant_id = ${tenantId} AND subject_type = 'disclosure' AND subject_id = ${disclosureId}
   ) t LEFT JOIN users u ON u.id = t."actorId"`;

/** The people involved in the disclosures `disclosureIds` (a uuid[]), as `u`; without ORDER BY. */
const involvedSql = (tenantId: string, disclosureIds: string) =>
  `SELECT p.disclosure_id AS "disclosureId", u.id, u.display_name AS "displayName", u.email
   FROM disclosure_people p JOIN users u ON u.id = p.user_id
   WHERE p.tenant_id = ${tenantId} AND p.disclosure_id = ANY(${disclosureIds}::uuid[])`;

/** A row read as JSON with its timestamps as Dates again (as pg answers them in a plain row). */
function withDates(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy = { ...row };
  for (const key of keys) if (typeof copy[key] === 'string') copy[key] = new Date(copy[key]);
  return copy;
}

/** The queries of disclosures and what hangs off them; every one takes the tenant-scoped manager and the tenant. */
@Injectable()
export class DisclosuresRepository {
  /** Disclosures in `scope`; a client's scope never holds drafts or those in review. */
  find(manager: EntityManager, scope: Scope, f: DisclosureFilter): Promise<DisclosureRow[]> {
    const { sql, params } = this.findQuery(scope, f);
    return manager.query(prepared(sql), params);
  }

  /** The query of `find`, to run beside other reads (RequestFacts.alongside); `lock` locks the rows found (FOR UPDATE). */
  findQuery(scope: Scope, f: DisclosureFilter, lock = false): Lookup<DisclosureRow> {
    const params: unknown[] = [scope.tenantId];
    const where = [
      'd.tenant_id = $1',
      scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params),
    ];
    if (scope.kind === 'client_account') where.push(`d.status NOT IN (${sqlList(UNDISCLOSED_STATUSES)})`);
    const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    if (f.id) add((p) => `d.id = ${p}`, f.id);
    if (f.engagementId) add((p) => `d.engagement_id = ${p}`, f.engagementId);
    if (f.clientAccountId) add((p) => `d.client_account_id = ${p}`, f.clientAccountId);
    if (f.status) add((p) => `d.status = ${p}`, f.status);
    if (f.category) add((p) => `d.category = ${p}`, f.category);
    if (f.after) {
      const at = `$${params.push(f.after.at)}`;
      const id = `$${params.push(f.after.id)}`;
      where.push(`(d.created_at, d.id) < (${at}, ${id})`);
    }
    const limit = f.limit ? `LIMIT $${params.push(f.limit)}` : '';
    // The page is cut from disclosures alone; the names it shows are then read by key for its rows only
    // (the planner cannot size a tenant under row-level security, so joins could read all of a large one's).
    const order = 'ORDER BY d.created_at DESC, d.id DESC';
    const sql = `SELECT ${DISCLOSURE_COLUMNS}
       FROM (SELECT d.* FROM disclosures d WHERE ${where.join(' AND ')} ${order} ${limit} ${lock ? 'FOR UPDATE' : ''}) d ${NAMES_BY_KEY}
       ${order}`;
    return { sql, params, order: 'found."createdAt" DESC, found.id DESC' };
  }

  /**
   * Moves a disclosure to `to`, setting `columns` (a bound value, or an SqlExpression for a computed
   * one), and writes `along` (its timeline event and audit row) in the same statement. Answers the
   * moved row as `find` reads it (its counts as they were before the statement).
   */
  async moveTo(
    manager: EntityManager,
    tenantId: string,
    id: string,
    to: DisclosureStatus,
    columns: Record<string, unknown>,
    along: CtePart[] = [],
  ): Promise<DisclosureRow> {
    const { bind, values } = new SqlParams();
    const sets = Object.entries(columns).map(
      ([column, value]) => `${column} = ${value instanceof SqlExpression ? value.text : bind(value)}`,
    );
    const [row]: DisclosureRow[] = await manager.query(
      `WITH moved AS (
         UPDATE disclosures SET status = ${bind(to)}, ${[...sets, 'updated_at = now()'].join(', ')}
         WHERE tenant_id = ${bind(tenantId)} AND id = ${bind(id)} RETURNING *)${along.map((part) => `,\n ${part(bind)}`).join('')}
       SELECT ${DISCLOSURE_COLUMNS} FROM moved d ${NAMES_BY_KEY}`,
      values,
    );
    return row;
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM disclosures WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  async involved(
    manager: EntityManager,
    tenantId: string,
    disclosureIds: string[],
  ): Promise<Map<string, { id: string; displayName: string; email: string }[]>> {
    const rows: { disclosureId: string; id: string; displayName: string; email: string }[] = await manager.query(
      `${involvedSql('$1', '$2')} ORDER BY u.display_name`,
      [tenantId, disclosureIds],
    );
    const byDisclosure = new Map<string, { id: string; displayName: string; email: string }[]>();
    for (const { disclosureId, ...person } of rows) byDisclosure.set(disclosureId, [...(byDisclosure.get(disclosureId) ?? []), person]);
    return byDisclosure;
  }

  async replaceInvolved(manager: EntityManager, tenantId: string, disclosureId: string, userIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM disclosure_people WHERE tenant_id = $1 AND disclosure_id = $2`, [tenantId, disclosureId]);
    await insertLinkRows(manager, 'disclosure_people', ['tenant_id', 'disclosure_id', 'user_id'], [tenantId, disclosureId], userIds);
  }

  /** Offers on disclosures in `scope`. */
  offers(manager: EntityManager, scope: Scope, filter: { disclosureId?: string; id?: string }): Promise<OfferRow[]> {
    const params = new SqlParams();
    return manager.query(`${offersSql(scope, filter, params.bind)} ORDER BY o.created_at, o.id`, params.values);
  }

  /** Follow-ups of disclosures in `scope`. */
  followUps(manager: EntityManager, scope: Scope, filter: { disclosureId?: string; id?: string }): Promise<FollowUpRow[]> {
    const params = new SqlParams();
    return manager.query(`${followUpsSql(scope, filter, params.bind)} ORDER BY f.due_at, f.kind`, params.values);
  }

  /** Transitions and comments in one list, oldest first. */
  timeline(manager: EntityManager, tenantId: string, disclosureId: string): Promise<TimelineRow[]> {
    return manager.query(`${timelineSql('$1', '$2')} ORDER BY t.at, t.id`, [tenantId, disclosureId]);
  }

  /**
   * What a disclosure's answer shows beside its row, in one statement: its offers and follow-ups in
   * `scope`, its timeline and (for staff) the people involved, each as `offers`, `followUps`,
   * `timeline` and `involved` return them.
   */
  async detail(manager: EntityManager, scope: Scope, disclosureId: string, withInvolved: boolean): Promise<DisclosureDetail> {
    const params = new SqlParams();
    const filter = { disclosureId };
    const tenant = params.bind(scope.tenantId);
    const disclosure = params.bind(disclosureId);
    const list = (sql: string, order: string) => `(SELECT COALESCE(json_agg(x ORDER BY ${order}), '[]') FROM (${sql}) x)`;
    const [row]: { [K in keyof DisclosureDetail]: Record<string, unknown>[] }[] = await manager.query(
      prepared(`SELECT ${list(offersSql(scope, filter, params.bind), 'x."createdAt", x.id')} AS offers,
              ${list(followUpsSql(scope, filter, params.bind), 'x."dueAt", x.kind')} AS "followUps",
              ${list(timelineSql(tenant, disclosure), 'x.at, x.id')} AS timeline,
              ${withInvolved ? list(involvedSql(tenant, `ARRAY[${disclosure}]`), 'x."displayName"') : `'[]'::json`} AS involved`),
      params.values,
    );
    return {
      offers: row.offers.map((o) => withDates(o, ['expiresAt', 'createdAt', 'decidedAt', 'appliedAt'])) as unknown as OfferRow[],
      followUps: row.followUps.map((f) => withDates(f, ['dueAt', 'completedAt'])) as unknown as FollowUpRow[],
      timeline: row.timeline.map((t) => withDates(t, ['at'])) as unknown as TimelineRow[],
      involved: row.involved.map(({ id, displayName, email }) => ({ id, displayName, email })) as DisclosureDetail['involved'],
    };
  }

  /** Team members of the tenant among `userIds` (no client users). */
  async staffIds(manager: EntityManager, tenantId: string, userIds: string[]): Promise<Set<string>> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM memberships WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND client_account_id IS NULL`,
      [tenantId, userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }
}
