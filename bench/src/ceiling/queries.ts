/**
 * The API's SQL, copied from apps/api/src/modules (work-logs.repository, timesheets.service,
 * disclosures.repository, disclosure.notifier, recipients.service, outbox.service, audit.service,
 * engagements.repository, engagement lookups that TypeORM generates). Keep in step with the API: the
 * benchmark prints both servers' query counts per request side by side.
 */
/** The JWT strategy's check that the token's session is alive and its person still a member (SessionsRepository.actor). */
export const SESSION_ACTOR = 'SELECT role, client_account_id FROM auth_session_actor($1, $2, $3)';

export const WORK_LOG_COLUMNS = `w.tenant_id AS "tenantId", w.id, w.engagement_id AS "engagementId", w.assistant_id AS "assistantId",
  w.source, w.status, w.started_at AS "startedAt", w.ended_at AS "endedAt", w.duration_seconds AS "durationSeconds",
  w.notes, w.billable, w.hourly_rate::text AS "hourlyRate", w.week_id AS "weekId", w.adjusts_id AS "adjustsId",
  w.disclosure_id AS "disclosureId", w.auto_stopped_at AS "autoStoppedAt", w.created_at AS "createdAt", w.updated_at AS "updatedAt",
  w.client_account_id AS "clientAccountId", e.name AS "engagementName", e.currency, u.display_name AS "assistantName"`;

export const WORK_LOG_FROM = `work_logs w JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id JOIN users u ON u.id = w.assistant_id`;

/** WorkLogsRepository.list: the page cut from work_logs alone (`PAGE` is its WHERE ... LIMIT), names read by key. */
export const WORK_LOG_PAGE = `SELECT ${WORK_LOG_COLUMNS} FROM (SELECT w.* FROM work_logs w WHERE PAGE) w
  CROSS JOIN LATERAL (SELECT e.name, e.currency FROM engagements e WHERE e.tenant_id = w.tenant_id AND e.id = w.engagement_id LIMIT 1) e
  CROSS JOIN LATERAL (SELECT u.display_name FROM users u WHERE u.id = w.assistant_id LIMIT 1) u
  ORDER BY w.started_at DESC, w.id DESC`;

/** TypeORM's `manager.findOne(Engagement, { where: { tenantId, id } })`, as it sends it. */
export const ENGAGEMENT_FIND_ONE = `SELECT "Engagement"."tenant_id" AS "Engagement_tenant_id", "Engagement"."id" AS "Engagement_id",
  "Engagement"."client_account_id" AS "Engagement_client_account_id", "Engagement"."name" AS "Engagement_name",
  "Engagement"."description" AS "Engagement_description", "Engagement"."status" AS "Engagement_status",
  "Engagement"."currency" AS "Engagement_currency", "Engagement"."included_revision_rounds" AS "Engagement_included_revision_rounds",
  "Engagement"."deadline" AS "Engagement_deadline", "Engagement"."retainer_hours_per_month" AS "Engagement_retainer_hours_per_month",
  "Engagement"."working_agreement" AS "Engagement_working_agreement", "Engagement"."confidentiality_terms" AS "Engagement_confidentiality_terms",
  "Engagement"."confidentiality_accepted_by" AS "Engagement_confidentiality_accepted_by",
  "Engagement"."confidentiality_accepted_at" AS "Engagement_confidentiality_accepted_at", "Engagement"."created_at" AS "Engagement_created_at",
  "Engagement"."updated_at" AS "Engagement_updated_at"
  FROM "engagements" "Engagement" WHERE (("Engagement"."tenant_id" = $1) AND ("Engagement"."id" = $2)) LIMIT 1`;

export const TIMESHEET_HEAD = `WITH p AS (SELECT $3::date AS start, ($3::date + CASE WHEN $4 = 'week' THEN interval '7 days' ELSE interval '1 month' END)::date AS stop)
  SELECT t.name AS "tenantName", t.time_zone AS "timeZone", e.name AS "engagementName", c.name AS "clientName", e.currency,
         (p.start::timestamp AT TIME ZONE t.time_zone) AS "from", (p.stop::timestamp AT TIME ZONE t.time_zone) AS "to",
         to_char(p.stop - 1, 'YYYY-MM-DD') AS "end"
  FROM engagements e JOIN tenants t ON t.id = e.tenant_id JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
  CROSS JOIN p WHERE e.tenant_id = $1 AND e.id = $2`;

export const WORK_LOGS_IN_PERIOD = `SELECT ${WORK_LOG_COLUMNS}
  FROM work_logs w JOIN engagements e ON e.tenant_id = $1 AND e.id = $2 JOIN users u ON u.id = w.assistant_id
  WHERE w.tenant_id = $1 AND w.engagement_id = $2 AND w.started_at >= $3 AND w.started_at < $4
    AND w.duration_seconds IS NOT NULL AND (NOT $5::boolean OR w.status <> 'draft')
  ORDER BY w.started_at, w.id`;

const OFFER_VALUE_TEXT = `CASE WHEN o.kind IN ('credit', 'refund') THEN o.value::text ELSE trim_scale(o.value)::text END`;

export const DISCLOSURE_COLUMNS = `
  d.id, d.engagement_id AS "engagementId", e.name AS "engagementName", d.client_account_id AS "clientAccountId", c.name AS "clientName",
  d.author_id AS "authorId", au.display_name AS "authorName", d.category, d.severity, d.detected_by AS "detectedBy", d.status,
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

/** DisclosuresRepository.find: the page cut from disclosures alone (`PAGE` is its WHERE ... LIMIT), names read by key. */
export const DISCLOSURE_PAGE = `SELECT ${DISCLOSURE_COLUMNS} FROM (SELECT d.* FROM disclosures d WHERE PAGE) d
  CROSS JOIN LATERAL (SELECT e.name FROM engagements e WHERE e.tenant_id = d.tenant_id AND e.id = d.engagement_id LIMIT 1) e
  CROSS JOIN LATERAL (SELECT c.name FROM client_accounts c WHERE c.tenant_id = d.tenant_id AND c.id = d.client_account_id LIMIT 1) c
  CROSS JOIN LATERAL (SELECT au.display_name FROM users au WHERE au.id = d.author_id LIMIT 1) au
  LEFT JOIN LATERAL (SELECT ra.display_name FROM users ra WHERE ra.id = d.remedy_accepted_by LIMIT 1) ra ON TRUE
  ORDER BY d.created_at DESC, d.id DESC`;

export const TENANT_FACTS = `SELECT name, settings FROM tenants WHERE id = $1`;

export const OFFERS = `SELECT o.id, o.disclosure_id AS "disclosureId", o.kind, ${OFFER_VALUE_TEXT} AS value, o.currency, o.note, o.status,
         o.expires_at AS "expiresAt", o.created_at AS "createdAt", o.decided_by AS "decidedBy", u.display_name AS "decidedByName",
         o.decided_at AS "decidedAt", o.decline_reason AS "declineReason", o.applied_at AS "appliedAt"
  FROM compensation_offers o LEFT JOIN users u ON u.id = o.decided_by
  WHERE o.tenant_id = $1 AND ($2::uuid IS NULL OR o.disclosure_id = $2) AND ($3::uuid IS NULL OR o.id = $3)
  ORDER BY o.created_at, o.id`;

export const FOLLOW_UPS = `SELECT id, disclosure_id AS "disclosureId", kind, status, due_at AS "dueAt", outcome, skip_reason AS "skipReason",
         client_resolved AS "clientResolved", rating, completed_at AS "completedAt"
  FROM follow_ups WHERE tenant_id = $1 AND ($2::uuid IS NULL OR disclosure_id = $2) AND ($3::uuid IS NULL OR id = $3)
  ORDER BY due_at, kind`;

export const TIMELINE = `SELECT t.*, u.display_name AS "actorName",
         EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = $1 AND m.user_id = t."actorId" AND m.client_account_id IS NOT NULL) AS "actorIsClient"
  FROM (
    SELECT id, 'event' AS type, action, from_status AS "fromStatus", to_status AS "toStatus", NULL AS body, visibility,
           actor_id AS "actorId", created_at AS at
    FROM disclosure_events WHERE tenant_id = $1 AND disclosure_id = $2
    UNION ALL
    SELECT id, 'comment', kind, NULL, NULL, body, visibility, author_id, created_at
    FROM comments WHERE tenant_id = $1 AND subject_type = 'disclosure' AND subject_id = $2
  ) t LEFT JOIN users u ON u.id = t."actorId"
  ORDER BY t.at, t.id`;

export const RECIPIENTS_BY_ROLE = `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.tenant_id = $1 AND m.role = ANY($2::text[]) AND ($3::uuid IS NULL OR m.client_account_id = $3)
  ORDER BY u.email`;

export const RECIPIENTS_BY_ID = `SELECT u.id AS "userId", u.email, u.display_name AS "displayName", u.locale
  FROM memberships m JOIN users u ON u.id = m.user_id
  WHERE m.tenant_id = $1 AND m.user_id = ANY($2::uuid[]) ORDER BY u.email`;

export const ACTOR_NAME = `SELECT display_name AS "displayName" FROM users WHERE id = $1`;

export const INSERT_COMMENT = `INSERT INTO comments (tenant_id, id, subject_type, subject_id, author_id, visibility, kind, body) VALUES ($1, $2, 'disclosure', $3, $4, $5, 'comment', $6)`;

export const INSERT_AUDIT = `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, change) VALUES ($1, $2, $3, $4, $5, $6, $7)`;

export const IS_ASSIGNED = `SELECT 1 AS "row_exists" FROM (SELECT 1 AS dummy_column) "dummy_table" WHERE EXISTS (SELECT 1 FROM "engagement_assistants" "ea"
  WHERE ea.tenant_id = $1 AND ea.engagement_id = $2 AND ea.user_id = $3) LIMIT 1`;

export const LOCK_ASSISTANT = `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`;

export const WEEK_START_OF = `SELECT to_char(date_trunc('week', $2::timestamptz AT TIME ZONE time_zone), 'YYYY-MM-DD') AS week FROM tenants WHERE id = $1`;

export const WEEK_STATUS = `SELECT status FROM timesheet_weeks WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND week_start = $4`;

export const OVERLAPPING = `SELECT ${WORK_LOG_COLUMNS} FROM ${WORK_LOG_FROM}
  WHERE w.tenant_id = $1 AND w.assistant_id = $2 AND w.source <> 'adjustment' AND ($5::uuid IS NULL OR w.id <> $5)
    AND w.started_at < COALESCE($4::timestamptz, 'infinity'::timestamptz)
    AND (w.ended_at IS NULL OR w.started_at > $3::timestamptz - interval '24 hours')
    AND tstzrange(w.started_at, COALESCE(w.ended_at, greatest(now(), w.started_at + interval '1 second'))) && tstzrange($3::timestamptz, COALESCE($4::timestamptz, 'infinity'::timestamptz))
  ORDER BY w.started_at LIMIT 1`;

export const RATE_AT = `WITH day AS (SELECT ($3::timestamptz AT TIME ZONE time_zone)::date AS d FROM tenants WHERE id = $1)
  SELECT r.hourly_rate::text AS rate FROM engagement_rates r CROSS JOIN day
  WHERE r.tenant_id = $1 AND r.engagement_id = $2
  ORDER BY (r.effective_from <= day.d) DESC, CASE WHEN r.effective_from <= day.d THEN r.effective_from END DESC, r.effective_from
  LIMIT 1`;

/** TypeORM's `manager.insert(WorkLog, ...)` with its RETURNING of the defaulted columns. */
export const INSERT_WORK_LOG = `INSERT INTO "work_logs"("tenant_id", "id", "engagement_id", "assistant_id", "source", "status", "started_at", "ended_at",
  "duration_seconds", "notes", "billable", "hourly_rate", "week_id", "adjusts_id", "disclosure_id", "auto_stopped_at", "created_at", "updated_at")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, DEFAULT, DEFAULT, $13, DEFAULT, DEFAULT, DEFAULT)
  RETURNING "created_at", "updated_at"`;

export const RETAINERS = `WITH tz AS (SELECT time_zone AS zone, date_trunc('month', now() AT TIME ZONE time_zone) AS month FROM tenants WHERE id = $1)
  SELECT e.id AS "engagementId", to_char(tz.month, 'YYYY-MM') AS month,
         e.retainer_hours_per_month::text AS "hoursPerMonth",
         round(used.seconds / 3600.0, 2)::text AS "usedHours",
         greatest(e.retainer_hours_per_month - round(used.seconds / 3600.0, 2), 0)::numeric(9, 2)::text AS "remainingHours",
         floor(100 * used.seconds / 3600.0 / e.retainer_hours_per_month)::int AS "usedPercent"
  FROM engagements e CROSS JOIN tz
  CROSS JOIN LATERAL (
    SELECT COALESCE(sum(w.duration_seconds), 0) AS seconds FROM work_logs w
    WHERE w.tenant_id = e.tenant_id AND w.engagement_id = e.id AND w.billable AND w.duration_seconds IS NOT NULL
      AND w.started_at >= tz.month AT TIME ZONE tz.zone AND w.started_at < (tz.month + interval '1 month') AT TIME ZONE tz.zone
  ) used
  WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[]) AND e.retainer_hours_per_month IS NOT NULL`;

export const INSERT_NOTIFICATIONS_PREFIX = `INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload) VALUES `;
