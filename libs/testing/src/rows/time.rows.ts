import { iso, newId, secondsBetween, type At, type Sql } from '../sql';

/** A timesheet week handed in (and perhaps decided) at the given moments. */
export async function insertTimesheetWeek(
  db: Sql,
  row: {
    tenantId: string;
    engagementId: string;
    assistantId: string;
    weekStart: string;
    status: 'submitted' | 'disputed' | 'approved';
    submittedAt: At;
    decidedBy?: string | null;
    decidedAt?: At | null;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO timesheet_weeks (tenant_id, id, engagement_id, assistant_id, week_start, status, submitted_by, submitted_at, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $4, $7, $8, $9)`,
    [
      row.tenantId,
      id,
      row.engagementId,
      row.assistantId,
      row.weekStart,
      row.status,
      iso(row.submittedAt),
      row.decidedBy ?? null,
      iso(row.decidedAt),
    ],
  );
  return id;
}

/** A finished time entry at the rate it was logged at, on its engagement's client account. */
export async function insertWorkLog(
  db: Sql,
  row: {
    tenantId: string;
    engagementId: string;
    assistantId: string;
    startedAt: At;
    endedAt: At;
    hourlyRate: string;
    notes?: string;
    billable?: boolean;
    status?: 'draft' | 'submitted' | 'disputed' | 'locked';
    source?: 'timer' | 'manual';
    weekId?: string | null;
  },
): Promise<string> {
  const id = newId();
  const inserted = await db.query(
    // The client account comes from the engagement, in the same statement (no trigger fills it).
    `INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at, duration_seconds,
                            notes, billable, hourly_rate, week_id)
     SELECT $1, $2, e.id, e.client_account_id, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
     FROM engagements e WHERE e.tenant_id = $1 AND e.id = $3
     RETURNING id`,
    [
      row.tenantId,
      id,
      row.engagementId,
      row.assistantId,
      row.source ?? 'manual',
      row.status ?? 'draft',
      iso(row.startedAt),
      iso(row.endedAt),
      secondsBetween(row.startedAt, row.endedAt),
      row.notes ?? '',
      row.billable ?? true,
      row.hourlyRate,
      row.weekId ?? null,
    ],
  );
  // A pg Client answers { rows }, a TypeORM manager the rows themselves.
  const rows = Array.isArray(inserted) ? inserted : (inserted as { rows: unknown[] }).rows;
  if (!rows.length) throw new Error(`insertWorkLog: no engagement ${row.engagementId} in tenant ${row.tenantId}`);
  return id;
}

/** One kept edit of an entry: what its fields were before and after, and why. */
export async function insertWorkLogRevision(
  db: Sql,
  row: { tenantId: string; workLogId: string; changedBy: string; reason: string; before: object; after: object; createdAt?: At },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO work_log_revisions (tenant_id, id, work_log_id, changed_by, reason, before, after, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      row.tenantId,
      id,
      row.workLogId,
      row.changedBy,
      row.reason,
      JSON.stringify(row.before),
      JSON.stringify(row.after),
      iso(row.createdAt ?? new Date()),
    ],
  );
  return id;
}

/** A comment on a work log, disclosure or deliverable; `kind` marks a dispute and its answer. */
export async function insertComment(
  db: Sql,
  row: {
    tenantId: string;
    subjectType: 'work_log' | 'disclosure' | 'deliverable';
    subjectId: string;
    authorId: string;
    body: string;
    visibility?: 'client' | 'internal';
    kind?: 'comment' | 'dispute' | 'dispute_reply' | 'remedy_changes';
    createdAt?: At;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.tenantId,
      id,
      row.subjectType,
      row.subjectId,
      row.authorId,
      row.visibility ?? 'client',
      row.kind ?? 'comment',
      row.body,
      iso(row.createdAt ?? new Date()),
    ],
  );
  return id;
}
