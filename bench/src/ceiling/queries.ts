import { portalAddressColumns } from '@candor/db';

/**
 * The API's SQL, copied from apps/api/src/modules (work-logs.repository, new-entry.repository,
 * timesheets.repository, disclosures.repository, disclosure.notifier, common/request-facts)
 * or built by the same @candor/db helpers. Keep in step
 * with the API: the benchmark prints both servers' query counts per request side by side.
 */

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

/** TimesheetsRepository.withEntries: the head (names, the period's bounds) and its period's entries beside it, one statement. */
export const TIMESHEET_WITH_ENTRIES = `WITH p AS (SELECT $3::date AS start, ($3::date + CASE WHEN $4 = 'week' THEN interval '7 days' ELSE interval '1 month' END)::date AS stop),
  head AS MATERIALIZED (
    SELECT t.name AS "tenantName", t.time_zone AS "timeZone", e.name AS "engagementName", c.name AS "clientName", e.currency,
           (p.start::timestamp AT TIME ZONE t.time_zone) AS "from", (p.stop::timestamp AT TIME ZONE t.time_zone) AS "to",
           to_char(p.stop - 1, 'YYYY-MM-DD') AS "end"
    FROM engagements e JOIN tenants t ON t.id = e.tenant_id JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
    CROSS JOIN p WHERE e.tenant_id = $1 AND e.id = $2 AND ($5::uuid IS NULL OR e.client_account_id = $5))
  SELECT head."tenantName" AS "head.tenantName", head."timeZone" AS "head.timeZone", head."engagementName" AS "head.engagementName",
         head."clientName" AS "head.clientName", head.currency AS "head.currency", head."end" AS "head.end", x.*
  FROM head LEFT JOIN LATERAL (
    SELECT ${WORK_LOG_COLUMNS}
    FROM work_logs w JOIN engagements e ON e.tenant_id = $1 AND e.id = $2 JOIN users u ON u.id = w.assistant_id
    WHERE w.tenant_id = $1 AND w.engagement_id = $2 AND w.started_at >= head."from" AND w.started_at < head."to"
      AND w.duration_seconds IS NOT NULL AND (NOT $6::boolean OR w.status <> 'draft')) x ON TRUE
  ORDER BY x."startedAt", x.id`;

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

const timeline = (tenant: string, disclosure: string) =>
  `SELECT t.*, u.display_name AS "actorName",
         EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = ${tenant} AND m.user_id = t."actorId" AND m.client_account_id IS NOT NULL) AS "actorIsClient"
  FROM (
    SELECT id, 'event' AS type, action, from_status AS "fromStatus", to_status AS "toStatus", NULL AS body, visibility,
           actor_id AS "actorId", created_at AS at
    FROM disclosure_events WHERE tenant_id = ${tenant} AND disclosure_id = ${disclosure}
    UNION ALL
    SELECT id, 'comment', kind, NULL, NULL, body, visibility, author_id, created_at
    FROM comments WHERE tenant_id = ${tenant} AND subject_type = 'disclosure' AND subject_id = ${disclosure}
  ) t LEFT JOIN users u ON u.id = t."actorId"
  ORDER BY t.at, t.id`;

/** WorkLogsRepository's overlap check (work-log.sql overlappingSql), its parameters named by the caller. */
const overlapping = (tenant: string, assistant: string, start: string, end: string) => `SELECT ${WORK_LOG_COLUMNS} FROM ${WORK_LOG_FROM}
  WHERE w.tenant_id = ${tenant} AND w.assistant_id = ${assistant} AND w.source <> 'adjustment' AND (NULL::uuid IS NULL OR w.id <> NULL)
    AND w.started_at < COALESCE(${end}::timestamptz, 'infinity'::timestamptz)
    AND (w.ended_at IS NULL OR w.started_at > ${start}::timestamptz - interval '24 hours')
    AND tstzrange(w.started_at, COALESCE(w.ended_at, greatest(now(), w.started_at + interval '1 second'))) && tstzrange(${start}::timestamptz, COALESCE(${end}::timestamptz, 'infinity'::timestamptz))
  ORDER BY w.started_at LIMIT 1`;

/** The rate on a day (work-log.sql rateAtSql). */
const rateAt = (
  tenant: string,
  engagement: string,
  at: string,
) => `WITH day AS (SELECT (${at}::timestamptz AT TIME ZONE time_zone)::date AS d FROM tenants WHERE id = ${tenant})
  SELECT r.hourly_rate::text AS rate FROM engagement_rates r CROSS JOIN day
  WHERE r.tenant_id = ${tenant} AND r.engagement_id = ${engagement}
  ORDER BY (r.effective_from <= day.d) DESC, CASE WHEN r.effective_from <= day.d THEN r.effective_from END DESC, r.effective_from
  LIMIT 1`;

/** NewEntryRepository.facts for an assistant: the lock, the engagement (assigned), the week, the rate, no fix disclosure. */
export const NEW_ENTRY_FACTS = `SELECT pg_advisory_xact_lock(hashtextextended($3, 0)) AS locked,
    to_char(date_trunc('week', $4::timestamptz AT TIME ZONE t.time_zone), 'YYYY-MM-DD') AS "weekStart",
    e.id AS "engagementId", e.client_account_id AS "clientAccountId", e.status, e.retainer_hours_per_month IS NOT NULL AS "hasRetainer",
    (${rateAt('$1', 'e.id', '$4')}) AS "hourlyRate",
    fd.engagement_id AS "fixEngagementId", fd.status AS "fixStatus"
  FROM tenants t
  LEFT JOIN engagements e ON e.tenant_id = t.id AND e.id = $2
    AND EXISTS (SELECT 1 FROM engagement_assistants ea WHERE ea.tenant_id = $1 AND ea.engagement_id = e.id AND ea.user_id = $5)
  LEFT JOIN disclosures fd ON fd.tenant_id = t.id AND fd.id = $6::uuid
  WHERE t.id = $1`;

/** NewEntryRepository.insert: the week and the overlap read under the lock, the entry and its audit row, the new row answered. */
export const INSERT_NEW_ENTRY = `WITH week AS (
    SELECT status FROM timesheet_weeks WHERE tenant_id = $1 AND engagement_id = $3 AND assistant_id = $2 AND week_start = $4::date),
  clash AS (${overlapping('$1', '$2', '$5', '$6')}),
  entry AS (
    INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at,
                           duration_seconds, notes, billable, hourly_rate, disclosure_id)
    SELECT $1::uuid, $7::uuid, $3::uuid, $8::uuid, $2::uuid, 'manual', 'draft', $5::timestamptz, $6::timestamptz, $9::int, $10, $11::boolean, $12::numeric, NULL
    WHERE NOT EXISTS (SELECT 1 FROM week WHERE status = 'approved') AND NOT EXISTS (SELECT 1 FROM clash)
    RETURNING *),
  audited AS (
    INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, change)
    SELECT $1::uuid, gen_random_uuid(), $2::uuid, 'work_log.created', 'work_log', entry.id, $13::jsonb FROM entry)
  SELECT (SELECT status FROM week) AS "weekStatus",
         (SELECT json_build_object('id', c.id, 'source', c.source, 'startedAt', c."startedAt", 'endedAt', c."endedAt", 'engagementName', c."engagementName") FROM clash c) AS clash,
         created.*
  FROM (SELECT 1) one LEFT JOIN (SELECT ${WORK_LOG_COLUMNS} FROM ${WORK_LOG_FROM.replace('work_logs w', 'entry w')}) created ON TRUE`;

/** RequestFacts.alongside of a client's disclosure lookup: the tenant's facts, its portal address and the caller's name beside it. */
export const DISCLOSURE_WITH_FACTS = `WITH facts AS MATERIALIZED (
    SELECT t.name AS "fact.name", t.settings AS "fact.settings", ${portalAddressColumns('t', 'fact.')},
      (SELECT display_name FROM users WHERE id = $4) AS "fact.actorName"
    FROM tenants t WHERE t.id = $5)
  SELECT facts.*, found.* FROM facts LEFT JOIN (${DISCLOSURE_PAGE.replace(
    'PAGE',
    `d.tenant_id = $1 AND d.client_account_id = $2 AND d.status NOT IN ('draft', 'in_review') AND d.id = $3 ORDER BY d.created_at DESC, d.id DESC`,
  )}) found ON TRUE`;

/** DisclosuresService.list as RequestFacts.alongside reads it: a client's page (`$1` tenant, `$2` client, `$3` caller) beside the facts. */
export const DISCLOSURE_PAGE_WITH_FACTS = (page: string) => `WITH facts AS MATERIALIZED (
    SELECT t.name AS "fact.name", t.settings AS "fact.settings", ${portalAddressColumns('t', 'fact.')},
      (SELECT display_name FROM users WHERE id = $3) AS "fact.actorName"
    FROM tenants t WHERE t.id = $1)
  SELECT facts.*, found.* FROM facts LEFT JOIN (${DISCLOSURE_PAGE.replace('PAGE', page)}) found ON TRUE
  ORDER BY found."createdAt" DESC, found.id DESC`;

/** DisclosuresRepository.detail for a client: offers and follow-ups of the client's disclosure, its timeline, nobody involved. */
export const DISCLOSURE_DETAIL = `SELECT
    (SELECT COALESCE(json_agg(x ORDER BY x."createdAt", x.id), '[]') FROM (${OFFERS}) x) AS offers,
    (SELECT COALESCE(json_agg(x ORDER BY x."dueAt", x.kind), '[]') FROM (${FOLLOW_UPS}) x) AS "followUps",
    (SELECT COALESCE(json_agg(x ORDER BY x.at, x.id), '[]') FROM (${timeline('$1', '$2')}) x) AS timeline,
    '[]'::json AS involved`;
