import type { EntityManager } from 'typeorm';
import { isClientRole, scopeNeedsAssignments, scopeOf, type Actor, type Assignments, type Role, type Scope } from '@candor/domain';
import { scopeWhere, type ScopeColumns } from '../tenancy/scope-condition';

/** The kinds of thing that can wait for a reader; each is one line of the digest. */
export const WAITING_KINDS = {
  client_admin: [
    'disclosure_acknowledgement',
    'remedy_sign_off',
    'offer_answer',
    'week_approval',
    'deliverable_approval',
    'check_in_answer',
  ],
  client_member: ['disclosure_acknowledgement', 'check_in_answer'],
  staff: ['draft_review', 'disputed_entries', 'remedy_changes', 'revision_acceptance', 'check_in_due', 'retrospective_due'],
} as const;
export type WaitingKind = (typeof WAITING_KINDS)[keyof typeof WAITING_KINDS][number];

/**
 * One thing waiting for the reader: the page it is on and the words of its line. Client-safe by
 * construction: an engagement's name, a deliverable's title, a week, a count; never a person or an
 * internal field.
 */
export interface WaitingItem {
  kind: WaitingKind;
  /** The web page, e.g. `/disclosures/<id>`. */
  path: string;
  engagementName: string;
  deliverableTitle: string | null;
  /** `YYYY-MM-DD`, for weeks. */
  weekStart: string | null;
  /** How many rows the line stands for (disputed entries of one week); 1 otherwise. */
  count: number;
}

interface Source {
  scope: ScopeColumns;
  /** The query; `$1` is the tenant, `:now` the sweep's clock and `SCOPE` the scope's condition, both bound when used. */
  sql: string;
}

const DISCLOSURE = { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' };
const disclosuresIn = (status: string) =>
  `SELECT '/disclosures/' || d.id AS path, e.name AS "engagementName", NULL AS "deliverableTitle", NULL AS "weekStart", 1 AS count
   FROM disclosures d JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
   WHERE d.tenant_id = $1 AND d.status = '${status}' AND SCOPE ORDER BY d.discovered_at`;
const followUpsDue = (kind: string, suffix: string) =>
  `SELECT '/disclosures/' || d.id || '${suffix}' AS path, e.name AS "engagementName", NULL AS "deliverableTitle", NULL AS "weekStart", 1 AS count
   FROM follow_ups f JOIN disclosures d ON d.tenant_id = f.tenant_id AND d.id = f.disclosure_id
   JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
   WHERE f.tenant_id = $1 AND f.kind = '${kind}' AND f.status = 'pending' AND f.due_at <= :now AND SCOPE ORDER BY f.due_at`;

/** The query of each kind. Every one filters by tenant and by the reader's scope. */
const SOURCES: Record<WaitingKind, Source> = {
  disclosure_acknowledgement: { scope: DISCLOSURE, sql: disclosuresIn('disclosed') },
  remedy_sign_off: { scope: DISCLOSURE, sql: disclosuresIn('remedy_proposed') },
  draft_review: { scope: DISCLOSURE, sql: disclosuresIn('in_review') },
  remedy_changes: { scope: DISCLOSURE, sql: disclosuresIn('remedy_changes_requested') },
  check_in_answer: { scope: DISCLOSURE, sql: followUpsDue('client_check_in', '/check-in') },
  check_in_due: { scope: DISCLOSURE, sql: followUpsDue('client_check_in', '') },
  retrospective_due: { scope: DISCLOSURE, sql: followUpsDue('team_retrospective', '') },
  // An offer reaches the client with its disclosure: none on a draft, none past its expiry.
  offer_answer: {
    scope: DISCLOSURE,
    sql: `SELECT '/disclosures/' || d.id AS path, e.name AS "engagementName", NULL AS "deliverableTitle", NULL AS "weekStart", 1 AS count
          FROM compensation_offers o JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
          JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
          WHERE o.tenant_id = $1 AND o.status = 'offered' AND o.expires_at > :now AND d.status NOT IN ('draft', 'in_review') AND SCOPE
          ORDER BY o.expires_at`,
  },
  week_approval: {
    scope: { engagementId: 'w.engagement_id', clientAccountId: 'e.client_account_id' },
    sql: `SELECT '/engagements/' || e.id || '/weeks/' || w.id AS path, e.name AS "engagementName", NULL AS "deliverableTitle",
                 w.week_start::text AS "weekStart", 1 AS count
          FROM timesheet_weeks w JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id
          WHERE w.tenant_id = $1 AND w.status = 'submitted' AND SCOPE ORDER BY w.week_start`,
  },
  disputed_entries: {
    scope: { engagementId: 'w.engagement_id', clientAccountId: 'e.client_account_id' },
    sql: `SELECT '/engagements/' || e.id || '/weeks/' || w.id AS path, e.name AS "engagementName", NULL AS "deliverableTitle",
                 w.week_start::text AS "weekStart", count(*)::int AS count
          FROM work_logs l JOIN timesheet_weeks w ON w.tenant_id = l.tenant_id AND w.id = l.week_id
          JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id
          WHERE l.tenant_id = $1 AND l.status = 'disputed' AND SCOPE
          GROUP BY e.id, e.name, w.id, w.week_start ORDER BY w.week_start`,
  },
  deliverable_approval: {
    scope: { engagementId: 'v.engagement_id', clientAccountId: 'v.client_account_id' },
    sql: `SELECT '/deliverables/' || v.id AS path, e.name AS "engagementName", v.title AS "deliverableTitle", NULL AS "weekStart", 1 AS count
          FROM deliverables v JOIN engagements e ON e.tenant_id = v.tenant_id AND e.id = v.engagement_id
          WHERE v.tenant_id = $1 AND v.status = 'submitted' AND SCOPE ORDER BY v.updated_at`,
  },
  revision_acceptance: {
    scope: { engagementId: 'v.engagement_id', clientAccountId: 'v.client_account_id' },
    sql: `SELECT '/deliverables/' || v.id AS path, e.name AS "engagementName", v.title AS "deliverableTitle", NULL AS "weekStart", 1 AS count
          FROM revision_requests r JOIN deliverables v ON v.tenant_id = r.tenant_id AND v.id = r.deliverable_id
          JOIN engagements e ON e.tenant_id = v.tenant_id AND e.id = v.engagement_id
          WHERE r.tenant_id = $1 AND r.status = 'pending_acceptance' AND SCOPE ORDER BY r.created_at`,
  },
};

/** At most this many lines of one kind; the reader opens Candor for the rest. */
const PER_KIND = 20;

/** The kinds a role acts on: client admins sign for the client, members acknowledge and answer check-ins, staff the rest. */
export function waitingKindsFor(role: Role): readonly WaitingKind[] {
  if (role === 'client_admin' || role === 'client_member') return WAITING_KINDS[role];
  return WAITING_KINDS.staff;
}

/**
 * What waits for one reader at `now`, within their scope (`scopeOf`: a client sees their own
 * account, an assistant their assigned engagements). Runs in the reader's tenant transaction.
 */
export async function waitingFor(manager: EntityManager, actor: Actor, now: Date): Promise<WaitingItem[]> {
  const scope = await readerScope(manager, actor);
  const items: WaitingItem[] = [];
  for (const kind of waitingKindsFor(actor.role)) {
    const params: unknown[] = [actor.tenantId];
    const source = SOURCES[kind];
    let sql = source.sql.replace('SCOPE', scopeWhere(scope, source.scope, params));
    if (sql.includes(':now')) sql = sql.replace(':now', `$${params.push(now)}::timestamptz`);
    const rows: Omit<WaitingItem, 'kind'>[] = await manager.query(`${sql} LIMIT ${PER_KIND}`, params);
    items.push(...rows.map((row) => ({ kind, ...row })));
  }
  return items;
}

/** The reader as an actor of their tenant (role and client account from the membership), or null if they left it. */
export async function readerActor(manager: EntityManager, tenantId: string, userId: string): Promise<Actor | null> {
  const [row]: { role: Role; clientAccountId: string | null }[] = await manager.query(
    `SELECT role, client_account_id AS "clientAccountId" FROM memberships WHERE tenant_id = $1 AND user_id = $2`,
    [tenantId, userId],
  );
  return row ? { userId, tenantId, role: row.role, clientAccountId: isClientRole(row.role) ? row.clientAccountId : null } : null;
}

async function readerScope(manager: EntityManager, actor: Actor): Promise<Scope> {
  const assignments: Assignments[] | null = scopeNeedsAssignments(actor)
    ? await manager.query(
        `SELECT ea.engagement_id AS "engagementId", e.client_account_id AS "clientAccountId"
         FROM engagement_assistants ea JOIN engagements e ON e.tenant_id = ea.tenant_id AND e.id = ea.engagement_id
         WHERE ea.tenant_id = $1 AND ea.user_id = $2`,
        [actor.tenantId, actor.userId],
      )
    : null;
  return scopeOf(actor, assignments);
}
