/** SQL shared by the work-log queries: the columns of a WorkLogRow and the parts several statements are built from. */

export const COLUMNS = `w.tenant_id AS "tenantId", w.id, w.engagement_id AS "engagementId", w.assistant_id AS "assistantId",
  w.source, w.status, w.started_at AS "startedAt", w.ended_at AS "endedAt", w.duration_seconds AS "durationSeconds",
  w.notes, w.billable, w.hourly_rate::text AS "hourlyRate", w.week_id AS "weekId", w.adjusts_id AS "adjustsId",
  w.disclosure_id AS "disclosureId", w.auto_stopped_at AS "autoStoppedAt", w.created_at AS "createdAt", w.updated_at AS "updatedAt",
  w.client_account_id AS "clientAccountId", e.name AS "engagementName", e.currency, u.display_name AS "assistantName"`;

/**
 * The columns a timesheet line shows (a TimesheetLineRow): a long CSV export reads only these, not
 * the ids and the three other timestamps of a WorkLogRow that every row would otherwise parse.
 */
export const LINE_COLUMNS = `w.started_at AS "startedAt", w.ended_at AS "endedAt", w.duration_seconds AS "durationSeconds", w.notes,
  w.billable, w.hourly_rate::text AS "hourlyRate", w.source, w.status, w.disclosure_id AS "disclosureId", e.currency,
  u.display_name AS "assistantName"`;

/** `FROM` of a WorkLogRow, its entries read from `entries` (the table, or a CTE of new rows). */
export const fromEntries = (entries: string) =>
  `${entries} w JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id JOIN users u ON u.id = w.assistant_id`;

export const FROM = fromEntries('work_logs');

/**
 * The names a page of entries shows, looked up by primary key for each row of the page `w` (already
 * limited), never by joining the tenant's engagements: the planner cannot know a tenant's size under
 * row-level security (it counts the policy's tenant test and the query's as two), so a join lets it pick
 * a plan that reads all of a large tenant's engagements for every page.
 */
export const NAMES_BY_KEY = `CROSS JOIN LATERAL (SELECT e.name, e.currency FROM engagements e WHERE e.tenant_id = w.tenant_id AND e.id = w.engagement_id LIMIT 1) e
  CROSS JOIN LATERAL (SELECT u.display_name FROM users u WHERE u.id = w.assistant_id LIMIT 1) u`;

/**
 * A client's scope is tested on the entry's own client account (kept equal to its engagement's by a composite
 * foreign key), so a client's page is read from `work_logs_client_started_idx` whatever the tenant's size,
 * never by joining and filtering all the tenant's engagements.
 */
export const SCOPE_COLUMNS = { engagementId: 'w.engagement_id', clientAccountId: 'w.client_account_id' };

/** The Monday (tenant time zone, `YYYY-MM-DD`) of the week the moment `at` falls in; reads the tenant's zone as `zone`. */
export const weekStartSql = (at: string, zone: string) =>
  `to_char(date_trunc('week', ${at}::timestamptz AT TIME ZONE ${zone}), 'YYYY-MM-DD')`;

/** The rate that applies on `at`'s day in the tenant's zone; the earliest rate before any rate existed (one row, or none). */
export const rateAtSql = (tenantId: string, engagementId: string, at: string) =>
  `WITH day AS (SELECT (${at}::timestamptz AT TIME ZONE time_zone)::date AS d FROM tenants WHERE id = ${tenantId})
   SELECT r.hourly_rate::text AS rate FROM engagement_rates r CROSS JOIN day
   WHERE r.tenant_id = ${tenantId} AND r.engagement_id = ${engagementId}
   ORDER BY (r.effective_from <= day.d) DESC, CASE WHEN r.effective_from <= day.d THEN r.effective_from END DESC, r.effective_from
   LIMIT 1`;

/** The first entry of the assistant that overlaps [start, end) (a running timer extends to now); `excludeId` may be null. */
export const overlappingSql = (p: { tenantId: string; assistantId: string; start: string; end: string; excludeId: string }) =>
  `SELECT ${COLUMNS} FROM ${FROM}
   WHERE w.tenant_id = ${p.tenantId} AND w.assistant_id = ${p.assistantId} AND w.source <> 'adjustment' AND (${p.excludeId}::uuid IS NULL OR w.id <> ${p.excludeId})
     -- A finished entry lasts at most 24 hours and only one timer runs: this bounds the scan to one index range.
     AND w.started_at < COALESCE(${p.end}::timestamptz, 'infinity'::timestamptz)
     AND (w.ended_at IS NULL OR w.started_at > ${p.start}::timestamptz - interval '24 hours')
     AND tstzrange(w.started_at, COALESCE(w.ended_at, greatest(now(), w.started_at + interval '1 second'))) && tstzrange(${p.start}::timestamptz, COALESCE(${p.end}::timestamptz, 'infinity'::timestamptz))
   ORDER BY w.started_at LIMIT 1`;
