import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { WorkLog, WorkLogRevision, type CommentKind, type CommentVisibility, type WorkLogStatus, scopeWhere, prepared } from '@candor/db';
import type { DisclosureStatus, Scope } from '@candor/domain';
import { eachCursorBatch } from '../../common/cursor-batches';
import type { KeysetPosition } from '../../common/keyset-cursor';
import { COLUMNS, FROM, LINE_COLUMNS, NAMES_BY_KEY, SCOPE_COLUMNS, overlappingSql, rateAtSql, weekStartSql } from './work-log.sql';

export interface CommentRow {
  id: string;
  kind: CommentKind;
  visibility: CommentVisibility;
  body: string;
  createdAt: Date;
  authorId: string;
  authorName: string;
}

export interface WeekSummary {
  engagementId: string;
  engagementName: string;
  clientAccountId: string;
  tenantName: string;
  assistantName: string;
  weekStart: string;
  seconds: string;
}

/** A draft entry as a week's submission checks it. */
export interface DraftEntry {
  id: string;
  startedAt: Date;
  endedAt: Date | null;
  source: string;
  notes: string;
  seconds: number | null;
}

/** A work log with the names the responses show. */
export interface WorkLogRow extends WorkLog {
  engagementName: string;
  currency: string;
  assistantName: string;
}

/** What a timesheet line shows of an entry (LINE_COLUMNS). */
export type TimesheetLineRow = Pick<
  WorkLogRow,
  | 'startedAt'
  | 'endedAt'
  | 'durationSeconds'
  | 'notes'
  | 'billable'
  | 'hourlyRate'
  | 'source'
  | 'status'
  | 'disclosureId'
  | 'currency'
  | 'assistantName'
>;

/** A new entry: its engagement's client account is required, the database no longer fills it. */
export type NewWorkLog = QueryDeepPartialEntity<WorkLog> & Pick<WorkLog, 'tenantId' | 'id' | 'engagementId' | 'clientAccountId'>;

/** What update may change: never the engagement nor its client account. */
export type WorkLogPatch = Omit<QueryDeepPartialEntity<WorkLog>, 'tenantId' | 'id' | 'engagementId' | 'clientAccountId'>;

export interface WorkLogFilter {
  /** Client users never see drafts: those are still the assistant's. */
  hideDrafts: boolean;
  engagementId?: string;
  assistantId?: string;
  status?: string;
  from?: string;
  to?: string;
  after?: KeysetPosition;
  limit: number;
}

/** A period [from, to): bound values, or SQL expressions of the statement the query is part of. */
export type PeriodBounds = { from: Date; to: Date } | { fromSql: string; toSql: string };

/**
 * What a client may see of an engagement's time in [from, to): finished entries the team has
 * submitted (submitted, disputed, approved and locked), oldest first. Drafts are still the
 * assistant's and a running timer is not time yet. The timesheet screen, its CSV, its printable
 * report and a share link are all this one query, for every reader, so they cannot disagree;
 * the actor's scope narrows it like every other read. `columns`: a WorkLogRow's, or a line's (LINE_COLUMNS);
 * its values are bound after `params` (those of a statement it is part of).
 */
export function clientVisibleInPeriodQuery(
  columns: string,
  scope: Scope,
  engagementId: string,
  bounds: PeriodBounds,
  params: unknown[] = [],
): [string, unknown[]] {
  const bind = (value: unknown) => `$${params.push(value)}`;
  const tenant = bind(scope.tenantId);
  const engagement = bind(engagementId);
  const [from, to] = 'from' in bounds ? [bind(bounds.from), bind(bounds.to)] : [bounds.fromSql, bounds.toSql];
  // One engagement: joined once by its key, whatever the number of entries.
  const sql = `SELECT ${columns} FROM work_logs w JOIN engagements e ON e.tenant_id = ${tenant} AND e.id = ${engagement} JOIN users u ON u.id = w.assistant_id
  WHERE w.tenant_id = ${tenant} AND w.engagement_id = ${engagement} AND w.started_at >= ${from} AND w.started_at < ${to}
    AND w.duration_seconds IS NOT NULL AND w.status <> 'draft'
    AND ${scopeWhere(scope, SCOPE_COLUMNS, params)}
  ORDER BY w.started_at, w.id`;
  return [sql, params];
}

/** Queries only: takes the tenant-scoped manager. */
@Injectable()
export class WorkLogsRepository {
  /** The entry if it lies in `scope`; null for an unknown one and for one outside it alike. */
  async findOne(manager: EntityManager, scope: Scope, id: string, lock = false): Promise<WorkLogRow | null> {
    const params: unknown[] = [scope.tenantId, id];
    const rows: WorkLogRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE w.tenant_id = $1 AND w.id = $2 AND ${scopeWhere(scope, SCOPE_COLUMNS, params)} ${lock ? 'FOR UPDATE OF w' : ''}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** Newest first, by (started_at, id) so that pages never skip or repeat an entry. */
  list(manager: EntityManager, scope: Scope, filter: WorkLogFilter): Promise<WorkLogRow[]> {
    const params: unknown[] = [scope.tenantId];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = ['w.tenant_id = $1', scopeWhere(scope, SCOPE_COLUMNS, params)];
    if (filter.hideDrafts) where.push(`w.status <> 'draft'`);
    if (filter.engagementId) where.push(`w.engagement_id = ${p(filter.engagementId)}`);
    if (filter.assistantId) {
      where.push(`w.assistant_id = ${p(filter.assistantId)}`);
      // Fix time is the team's: a client filtering by a person must not find who fixed an error.
      if (scope.kind === 'client_account') where.push('w.disclosure_id IS NULL');
    }
    if (filter.status) where.push(`w.status = ${p(filter.status)}`);
    const zone = `(SELECT time_zone FROM tenants WHERE id = $1)`;
    if (filter.from) where.push(`w.started_at >= (${p(filter.from)}::date::timestamp AT TIME ZONE ${zone})`);
    if (filter.to) where.push(`w.started_at < ((${p(filter.to)}::date + 1)::timestamp AT TIME ZONE ${zone})`);
    if (filter.after) where.push(`(w.started_at, w.id) < (${p(filter.after.at)}, ${p(filter.after.id)})`);
    // The page is cut from one index range of work_logs first; its names are then read by key (NAMES_BY_KEY).
    const order = 'ORDER BY w.started_at DESC, w.id DESC';
    return manager.query(
      prepared(`SELECT ${COLUMNS} FROM (SELECT w.* FROM work_logs w WHERE ${where.join(' AND ')} ${order} LIMIT ${p(filter.limit)}) w
       ${NAMES_BY_KEY} ${order}`),
      params,
    );
  }

  /** The entries a submitted week holds, oldest first; for a client, without fix time (the team's, in no one's week). */
  byWeek(manager: EntityManager, scope: Scope, weekId: string): Promise<WorkLogRow[]> {
    const params: unknown[] = [scope.tenantId, weekId];
    const teamFix = scope.kind === 'client_account' ? 'AND w.disclosure_id IS NULL' : '';
    return manager.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE w.tenant_id = $1 AND w.week_id = $2 AND ${scopeWhere(scope, SCOPE_COLUMNS, params)} ${teamFix}
       ORDER BY w.started_at, w.id`,
      params,
    );
  }

  /**
   * The entries of clientVisibleInPeriodQuery, as much of each as a line shows, handed to `each` a
   * batch at a time through a cursor, so a long period is never held in memory at once. Runs inside
   * the caller's transaction.
   */
  eachClientVisibleInPeriod(
    manager: EntityManager,
    scope: Scope,
    engagementId: string,
    period: { from: Date; to: Date },
    batchSize: number,
    each: (rows: TimesheetLineRow[]) => Promise<void>,
  ): Promise<void> {
    const [sql, params] = clientVisibleInPeriodQuery(LINE_COLUMNS, scope, engagementId, period);
    return eachCursorBatch(manager, { cursor: 'work_logs_in_period', sql, params }, batchSize, each);
  }

  runningTimer(manager: EntityManager, tenantId: string, assistantId: string): Promise<WorkLog | null> {
    return manager
      .createQueryBuilder(WorkLog, 'w')
      .where("w.tenant_id = :tenantId AND w.assistant_id = :assistantId AND w.ended_at IS NULL AND w.source <> 'adjustment'", {
        tenantId,
        assistantId,
      })
      .getOne();
  }

  /**
   * The end of the assistant's timer that ends after `at`, if any: a timer stopped within its first
   * second ends a second after it started, so the next one must start after it.
   */
  async timerEndAfter(manager: EntityManager, tenantId: string, assistantId: string, at: Date): Promise<Date | null> {
    const [row]: { endedAt: Date | null }[] = await manager.query(
      `SELECT max(ended_at) AS "endedAt" FROM work_logs
       WHERE tenant_id = $1 AND assistant_id = $2 AND source = 'timer' AND ended_at > $3 AND ended_at <= $3::timestamptz + interval '1 second'`,
      [tenantId, assistantId, at],
    );
    return row?.endedAt ?? null;
  }

  /**
   * Serialises writes of one assistant's time, so the overlap check and the insert that follows it
   * cannot race with another request of the same assistant.
   */
  async lockAssistant(manager: EntityManager, tenantId: string, assistantId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`work-logs:${tenantId}:${assistantId}`]);
  }

  /** The first entry of the assistant that overlaps [start, end) (a running timer extends to now). */
  async overlapping(
    manager: EntityManager,
    tenantId: string,
    assistantId: string,
    start: Date,
    end: Date | null,
    excludeId: string | null,
  ): Promise<WorkLogRow | null> {
    const rows: WorkLogRow[] = await manager.query(
      overlappingSql({ tenantId: '$1', assistantId: '$2', start: '$3', end: '$4', excludeId: '$5' }),
      [tenantId, assistantId, start, end, excludeId],
    );
    return rows[0] ?? null;
  }

  /** The rate that applies on the entry's day in the tenant's time zone; the earliest rate before any rate existed. */
  async rateAt(manager: EntityManager, tenantId: string, engagementId: string, at: Date): Promise<string> {
    const rows: { rate: string }[] = await manager.query(rateAtSql('$1', '$2', '$3'), [tenantId, engagementId, at]);
    if (!rows[0]) throw new Error(`engagement ${engagementId} has no rate`);
    return rows[0].rate;
  }

  /** The Monday (tenant time zone) of the week a moment falls in. */
  async weekStartOf(manager: EntityManager, tenantId: string, at: Date): Promise<string> {
    const rows: { week: string }[] = await manager.query(`SELECT ${weekStartSql('$2', 'time_zone')} AS week FROM tenants WHERE id = $1`, [
      tenantId,
      at,
    ]);
    return rows[0].week;
  }

  async weekStatus(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
    assistantId: string,
    weekStart: string,
  ): Promise<string | null> {
    const rows: { status: string }[] = await manager.query(
      `SELECT status FROM timesheet_weeks WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND week_start = $4`,
      [tenantId, engagementId, assistantId, weekStart],
    );
    return rows[0]?.status ?? null;
  }

  /** A new entry, on its engagement's client account (no trigger fills it; the composite foreign key refuses another). */
  async insert(manager: EntityManager, values: NewWorkLog): Promise<void> {
    await manager.insert(WorkLog, values);
  }

  /** Changes an entry's own fields; moving it to another engagement would have to write that one's client account too. */
  async update(manager: EntityManager, tenantId: string, id: string, patch: WorkLogPatch): Promise<void> {
    await manager.update(WorkLog, { tenantId, id }, patch);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.delete(WorkLog, { tenantId, id });
  }

  /** A kept change of a submitted or locked entry: the client sees who changed what, and why. */
  async insertRevision(
    manager: EntityManager,
    r: {
      tenantId: string;
      workLogId: string;
      changedBy: string;
      reason: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO work_log_revisions (tenant_id, id, work_log_id, changed_by, reason, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [r.tenantId, randomUUID(), r.workLogId, r.changedBy, r.reason, r.before, r.after],
    );
  }

  /** An entry's seconds with its adjusting entries. */
  async secondsWithAdjustments(manager: EntityManager, tenantId: string, id: string): Promise<number> {
    const [{ seconds }]: { seconds: string }[] = await manager.query(
      `SELECT COALESCE(sum(duration_seconds), 0) AS seconds FROM work_logs WHERE tenant_id = $1 AND (id = $2 OR adjusts_id = $2)`,
      [tenantId, id],
    );
    return Number(seconds);
  }

  /** The disclosure fix time is logged against. */
  async disclosure(
    manager: EntityManager,
    tenantId: string,
    disclosureId: string,
  ): Promise<{ engagementId: string; status: DisclosureStatus } | undefined> {
    const [row]: { engagementId: string; status: DisclosureStatus }[] = await manager.query(
      `SELECT engagement_id AS "engagementId", status FROM disclosures WHERE tenant_id = $1 AND id = $2`,
      [tenantId, disclosureId],
    );
    return row;
  }

  /** An assistant's draft entries on an engagement between `from` and `to`: what a week's submission takes. */
  draftsBetween(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
    assistantId: string,
    from: Date,
    to: Date,
  ): Promise<DraftEntry[]> {
    return manager.query(
      `SELECT id, started_at AS "startedAt", ended_at AS "endedAt", source, notes, duration_seconds AS seconds FROM work_logs
       WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND status = 'draft' AND started_at >= $4 AND started_at < $5
       ORDER BY started_at`,
      [tenantId, engagementId, assistantId, from, to],
    );
  }

  async submitToWeek(manager: EntityManager, tenantId: string, weekId: string, ids: string[]): Promise<void> {
    await manager.query(
      `UPDATE work_logs SET status = 'submitted', week_id = $2, updated_at = now() WHERE tenant_id = $1 AND id = ANY($3::uuid[])`,
      [tenantId, weekId, ids],
    );
  }

  /** An approved week's submitted entries never change again. */
  async lockWeek(manager: EntityManager, tenantId: string, weekId: string): Promise<void> {
    await manager.query(
      `UPDATE work_logs SET status = 'locked', updated_at = now() WHERE tenant_id = $1 AND week_id = $2 AND status = 'submitted'`,
      [tenantId, weekId],
    );
  }

  async setStatus(manager: EntityManager, tenantId: string, id: string, status: WorkLogStatus): Promise<void> {
    await manager.query(`UPDATE work_logs SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status]);
  }

  /** The week goes back for approval once none of its entries is disputed any more; true when it did. */
  async reopenWeekIfAnswered(manager: EntityManager, tenantId: string, weekId: string): Promise<boolean> {
    // Through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], never empty.
    const reopened: { engagementId: string }[] = await manager.query(
      `WITH reopened AS (
         UPDATE timesheet_weeks SET status = 'submitted', submitted_at = now()
         WHERE tenant_id = $1 AND id = $2 AND status = 'disputed'
           AND NOT EXISTS (SELECT 1 FROM work_logs WHERE tenant_id = $1 AND week_id = $2 AND status = 'disputed')
         RETURNING engagement_id)
       SELECT engagement_id AS "engagementId" FROM reopened`,
      [tenantId, weekId],
    );
    return reopened.length > 0;
  }

  /** What the client's email about a submitted week says. */
  async weekSummary(manager: EntityManager, tenantId: string, weekId: string): Promise<WeekSummary | undefined> {
    const [week]: WeekSummary[] = await manager.query(
      `SELECT w.engagement_id AS "engagementId", e.name AS "engagementName", e.client_account_id AS "clientAccountId",
              t.name AS "tenantName", u.display_name AS "assistantName", to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart",
              (SELECT COALESCE(sum(duration_seconds), 0) FROM work_logs l WHERE l.tenant_id = w.tenant_id AND l.week_id = w.id) AS seconds
       FROM timesheet_weeks w JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id
       JOIN tenants t ON t.id = w.tenant_id JOIN users u ON u.id = w.assistant_id
       WHERE w.tenant_id = $1 AND w.id = $2`,
      [tenantId, weekId],
    );
    return week;
  }

  /** An entry's comments, oldest first; internal ones only when `withInternal`. */
  comments(manager: EntityManager, tenantId: string, workLogId: string, withInternal: boolean): Promise<CommentRow[]> {
    return manager.query(
      `SELECT c.id, c.kind, c.visibility, c.body, c.created_at AS "createdAt", c.author_id AS "authorId", u.display_name AS "authorName"
       FROM comments c JOIN users u ON u.id = c.author_id
       WHERE c.tenant_id = $1 AND c.subject_type = 'work_log' AND c.subject_id = $2 AND ($3::boolean OR c.visibility = 'client')
       ORDER BY c.created_at, c.id`,
      [tenantId, workLogId, withInternal],
    );
  }

  revisions(manager: EntityManager, tenantId: string, workLogId: string): Promise<(WorkLogRevision & { changedByName: string })[]> {
    return manager.query(
      `SELECT r.id, r.work_log_id AS "workLogId", r.changed_by AS "changedBy", u.display_name AS "changedByName",
              r.reason, r.before, r.after, r.created_at AS "createdAt"
       FROM work_log_revisions r JOIN users u ON u.id = r.changed_by
       WHERE r.tenant_id = $1 AND r.work_log_id = $2 ORDER BY r.created_at, r.id`,
      [tenantId, workLogId],
    );
  }
}
