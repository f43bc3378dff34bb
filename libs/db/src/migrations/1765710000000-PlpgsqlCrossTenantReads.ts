import type { MigrationInterface, QueryRunner } from 'typeorm';

// Today's 08:00 in the reader's zone (theirs, else the tenant's), as a moment; and that day's date there
// (as in 1764900000000-NotificationPreferences and 1765100000000-DigestReaders).
const ZONE = `COALESCE(u.time_zone, t.time_zone)`;
const CUTOFF = `((date_trunc('day', p_now AT TIME ZONE ${ZONE}) + interval '8 hours') AT TIME ZONE ${ZONE})`;
const LOCAL_DAY = `(p_now AT TIME ZONE ${ZONE})::date`;

interface CrossTenantFunction {
  signature: string;
  returns: string;
  volatility: 'STABLE' | 'VOLATILE';
  /** The PL/pgSQL statement: `now()` is read once into `v_now` (Citus pushes a parameter down, not now() in a FROM-less subquery). */
  plpgsql: string;
  /** The SQL-language body it replaces, for down. */
  sql: string;
}

const FUNCTIONS: CrossTenantFunction[] = [
  {
    signature: 'auth_user_memberships(p_user_id uuid)',
    returns: 'TABLE (tenant_id uuid, tenant_slug text, tenant_name text, role text, client_account_id uuid)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT m.tenant_id, t.slug, t.name, m.role, m.client_account_id
        FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = p_user_id ORDER BY m.created_at`,
    sql: `SELECT m.tenant_id, t.slug, t.name, m.role, m.client_account_id
        FROM memberships m JOIN tenants t ON t.id = m.tenant_id
        WHERE m.user_id = p_user_id ORDER BY m.created_at`,
  },
  {
    signature: 'overdue_timers(p_default_limit_hours int, p_limit int)',
    returns: 'TABLE (tenant_id uuid, id uuid, limit_hours int)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT w.tenant_id, w.id, COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours)
        FROM work_logs w JOIN tenants t ON t.id = w.tenant_id
        WHERE w.ended_at IS NULL AND w.source <> 'adjustment'
          AND w.started_at < v_now - make_interval(hours => COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours))
        ORDER BY w.started_at LIMIT p_limit`,
    sql: `SELECT w.tenant_id, w.id, COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours)
        FROM work_logs w JOIN tenants t ON t.id = w.tenant_id
        WHERE w.ended_at IS NULL AND w.source <> 'adjustment'
          AND w.started_at < now() - make_interval(hours => COALESCE((t.settings->>'timerLimitHours')::int, p_default_limit_hours))
        ORDER BY w.started_at LIMIT p_limit`,
  },
  {
    // The level is computed in a FROM subquery over the drafts, no longer in a FROM-less LATERAL.
    signature: 'overdue_disclosure_drafts(p_default_deadline_hours int, p_limit int)',
    returns: 'TABLE (tenant_id uuid, id uuid, level int)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT x.tenant_id, x.id, x.level
        FROM (SELECT d.tenant_id, d.id, d.discovered_at, LEAST(3, floor(extract(epoch FROM v_now - d.discovered_at)
                / (3600 * GREATEST(1, COALESCE((t.settings->>'disclosureDeadlineHours')::int, p_default_deadline_hours)))))::int AS level
              FROM disclosures d JOIN tenants t ON t.id = d.tenant_id
              WHERE d.status IN ('draft', 'in_review')) x
        WHERE x.level >= 1
          AND NOT EXISTS (SELECT 1 FROM disclosure_escalations e
                          WHERE e.tenant_id = x.tenant_id AND e.disclosure_id = x.id AND e.level >= x.level)
        ORDER BY x.discovered_at LIMIT p_limit`,
    sql: `SELECT d.tenant_id, d.id, x.level
        FROM disclosures d JOIN tenants t ON t.id = d.tenant_id
        CROSS JOIN LATERAL (SELECT LEAST(3, floor(extract(epoch FROM now() - d.discovered_at)
          / (3600 * GREATEST(1, COALESCE((t.settings->>'disclosureDeadlineHours')::int, p_default_deadline_hours)))))::int AS level) x
        WHERE d.status IN ('draft', 'in_review') AND x.level >= 1
          AND NOT EXISTS (SELECT 1 FROM disclosure_escalations e
                          WHERE e.tenant_id = d.tenant_id AND e.disclosure_id = d.id AND e.level >= x.level)
        ORDER BY d.discovered_at LIMIT p_limit`,
  },
  {
    signature: 'due_offer_changes(p_limit int)',
    returns: 'TABLE (tenant_id uuid, id uuid)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT o.tenant_id, o.id FROM compensation_offers o
        WHERE o.status = 'offered' AND (o.expires_at <= v_now OR (o.expiry_warned_at IS NULL AND o.expires_at <= v_now + interval '1 day'))
        ORDER BY o.expires_at LIMIT p_limit`,
    sql: `SELECT o.tenant_id, o.id FROM compensation_offers o
        WHERE o.status = 'offered' AND (o.expires_at <= now() OR (o.expiry_warned_at IS NULL AND o.expires_at <= now() + interval '1 day'))
        ORDER BY o.expires_at LIMIT p_limit`,
  },
  {
    signature: 'due_follow_ups(p_limit int)',
    returns: 'TABLE (tenant_id uuid, id uuid)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT f.tenant_id, f.id FROM follow_ups f
        WHERE f.status = 'pending' AND f.reminded_at IS NULL AND f.due_at <= v_now
        ORDER BY f.due_at LIMIT p_limit`,
    sql: `SELECT f.tenant_id, f.id FROM follow_ups f
        WHERE f.status = 'pending' AND f.reminded_at IS NULL AND f.due_at <= now()
        ORDER BY f.due_at LIMIT p_limit`,
  },
  {
    signature: 'deliverable_deadline_candidates(p_limit int)',
    returns: 'TABLE (tenant_id uuid, id uuid)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT d.tenant_id, d.id FROM deliverables d
        WHERE d.status IN ('in_progress', 'changes_requested') AND d.due_at IS NOT NULL AND d.late_at IS NULL
          AND (d.due_at <= v_now OR (d.due_reminded_at IS NULL AND d.due_at <= v_now + interval '1 day'))
        ORDER BY d.due_at LIMIT p_limit`,
    sql: `SELECT d.tenant_id, d.id FROM deliverables d
        WHERE d.status IN ('in_progress', 'changes_requested') AND d.due_at IS NOT NULL AND d.late_at IS NULL
          AND (d.due_at <= now() OR (d.due_reminded_at IS NULL AND d.due_at <= now() + interval '1 day'))
        ORDER BY d.due_at LIMIT p_limit`,
  },
  {
    signature: 'held_notifications_due(p_now timestamptz, p_burst_window interval, p_limit int)',
    returns: 'TABLE (tenant_id uuid, user_id uuid, kind text, thread_key text)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT h.tenant_id, h.user_id, h.kind, h.thread_key
        FROM held_notifications h JOIN tenants t ON t.id = h.tenant_id JOIN users u ON u.id = h.user_id
        WHERE (h.kind = 'burst' AND h.created_at <= p_now - p_burst_window)
           OR (h.kind = 'digest' AND p_now >= ${CUTOFF} AND h.created_at < ${CUTOFF})
        GROUP BY h.tenant_id, h.user_id, h.kind, h.thread_key
        LIMIT p_limit`,
    sql: `SELECT h.tenant_id, h.user_id, h.kind, h.thread_key
        FROM held_notifications h
        JOIN tenants t ON t.id = h.tenant_id
        JOIN users u ON u.id = h.user_id
        WHERE (h.kind = 'burst' AND h.created_at <= p_now - p_burst_window)
           OR (h.kind = 'digest' AND p_now >= ${CUTOFF} AND h.created_at < ${CUTOFF})
        GROUP BY h.tenant_id, h.user_id, h.kind, h.thread_key
        LIMIT p_limit`,
  },
  {
    signature: 'digest_readers_due(p_now timestamptz, p_limit int)',
    returns: 'TABLE (tenant_id uuid, user_id uuid)',
    volatility: 'STABLE',
    plpgsql: `RETURN QUERY SELECT m.tenant_id, m.user_id
        FROM notification_preferences p
        JOIN memberships m ON m.tenant_id = p.tenant_id AND m.user_id = p.user_id
        JOIN tenants t ON t.id = m.tenant_id
        JOIN users u ON u.id = m.user_id
        WHERE p.mode = 'digest'
        GROUP BY m.tenant_id, m.user_id, m.last_digest_on, u.time_zone, t.time_zone
        HAVING p_now >= ${CUTOFF} AND m.last_digest_on IS DISTINCT FROM ${LOCAL_DAY} AND min(p.updated_at) < ${CUTOFF}
        LIMIT p_limit`,
    sql: `SELECT m.tenant_id, m.user_id
        FROM notification_preferences p
        JOIN memberships m ON m.tenant_id = p.tenant_id AND m.user_id = p.user_id
        JOIN tenants t ON t.id = m.tenant_id
        JOIN users u ON u.id = m.user_id
        WHERE p.mode = 'digest'
        GROUP BY m.tenant_id, m.user_id, m.last_digest_on, u.time_zone, t.time_zone
        HAVING p_now >= ${CUTOFF} AND m.last_digest_on IS DISTINCT FROM ${LOCAL_DAY} AND min(p.updated_at) < ${CUTOFF}
        LIMIT p_limit`,
  },
  {
    signature: 'outbox_release(p_tenant_ids uuid[], p_ids uuid[])',
    returns: 'void',
    volatility: 'VOLATILE',
    plpgsql: `UPDATE notifications n SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE n.tenant_id = r.tenant_id AND n.id = r.id AND n.status = 'queued'`,
    sql: `UPDATE notifications n SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE n.tenant_id = r.tenant_id AND n.id = r.id AND n.status = 'queued'`,
  },
];

/**
 * The cross-tenant reads, rewritten from SQL-language functions to PL/pgSQL with the same signatures,
 * results, SECURITY DEFINER and search_path. Citus cannot plan a SQL-language function's query when it
 * has parameters ("Consider using PL/pgSQL functions instead"); PL/pgSQL hands it each statement with
 * the parameters bound. CREATE OR REPLACE keeps the owner and the grants (EXECUTE to candor_runtime only).
 * The relay's claim is rewritten per tenant in 1765720000000-OutboxClaimPerTenant.
 */
export class PlpgsqlCrossTenantReads1765710000000 implements MigrationInterface {
  name = 'PlpgsqlCrossTenantReads1765710000000';

  async up(q: QueryRunner): Promise<void> {
    for (const f of FUNCTIONS) {
      await q.query(`CREATE OR REPLACE FUNCTION ${f.signature} RETURNS ${f.returns}
        LANGUAGE plpgsql ${f.volatility} SECURITY DEFINER SET search_path = public AS $$
        #variable_conflict use_column
        DECLARE v_now timestamptz := now();
        BEGIN
          ${f.plpgsql};
        END $$`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const f of FUNCTIONS) {
      await q.query(`CREATE OR REPLACE FUNCTION ${f.signature} RETURNS ${f.returns}
        LANGUAGE sql ${f.volatility} SECURITY DEFINER SET search_path = public AS $$ ${f.sql} $$`);
    }
  }
}
