import type { MigrationInterface, QueryRunner } from 'typeorm';

// A webhook row is due for the relay (see 1765500000000-Webhooks): new, its retry time come, queued so
// long its job may be gone, or sending under an expired lease.
const DUE = `((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= v_now))
           OR (status = 'queued' AND queued_at < v_now - p_queued_stale)
           OR (status = 'sending' AND lease_until < v_now))`;

// One tenant's due webhook rows, at most v_take, locked and marked queued: every statement names the
// tenant, so Citus routes it to the one shard that holds it (it refuses FOR UPDATE across shards).
const CLAIM_ONE_TENANT = `RETURN QUERY WITH fresh AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= v_now
          ORDER BY next_attempt_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE tenant_id = v_tenant AND status = 'queued' AND queued_at < v_now - p_queued_stale
          ORDER BY queued_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE tenant_id = v_tenant AND status = 'sending' AND lease_until < v_now
          ORDER BY lease_until LIMIT v_take FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT v_take
        )
        UPDATE webhook_events e SET status = 'queued', queued_at = v_now, lease_until = NULL
        FROM due c
        WHERE e.tenant_id = v_tenant AND e.tenant_id = c.tenant_id AND e.id = c.id
        RETURNING e.tenant_id, e.id, e.resends, e.attempts, c.status = 'queued'`;

const WEBHOOK_CLAIM_DUE = `CREATE OR REPLACE FUNCTION webhook_claim_due(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)`;
const WEBHOOK_RELEASE = `CREATE OR REPLACE FUNCTION webhook_release(p_tenant_ids uuid[], p_ids uuid[]) RETURNS void`;
const INVOICE_OVERDUE_CANDIDATES = `CREATE OR REPLACE FUNCTION invoice_overdue_candidates(p_today date, p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid)`;
const API_KEY_ACTOR = `CREATE OR REPLACE FUNCTION api_key_actor(p_hash text)
      RETURNS TABLE (key_tenant_id uuid, key_id uuid, key_name text, key_scope text, key_created_by uuid, key_usable boolean)`;
const DEFINER = `SECURITY DEFINER SET search_path = public`;

// Each way of being due gets an index led by tenant_id, for the per-tenant claim (as the notifications
// got in 1765720000000); the time-led ones of 1765500000000 stay for the unlocked read of the tenants.
const TENANT_INDEXES = [
  `webhook_events_tenant_fresh_idx ON webhook_events (tenant_id, created_at) WHERE status = 'pending' AND next_attempt_at IS NULL`,
  `webhook_events_tenant_retry_due_idx ON webhook_events (tenant_id, next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL`,
  `webhook_events_tenant_queued_idx ON webhook_events (tenant_id, queued_at) WHERE status = 'queued'`,
  `webhook_events_tenant_lease_idx ON webhook_events (tenant_id, lease_until) WHERE status = 'sending'`,
];

/**
 * Keeps the schema Citus-ready after webhooks, invoices and API keys landed (see docker/scale-out.md).
 *
 * - `invoice_overdue_candidates`, `webhook_release` and `webhook_claim_due` were SQL-language functions
 *   with parameters, which Citus cannot plan ("Consider using PL/pgSQL functions instead"): rewritten in
 *   PL/pgSQL with the same signatures, rows, SECURITY DEFINER and search_path. CREATE OR REPLACE keeps
 *   the owner and the grants (EXECUTE to candor_runtime only).
 * - `webhook_claim_due` took rows across tenants with FOR UPDATE SKIP LOCKED, which Citus refuses
 *   ("Consider using an equality filter on the distributed table's partition column"). It now claims
 *   per tenant exactly as `outbox_claim_due` does (1765720000000-OutboxClaimPerTenant): an unlocked read
 *   of the tenants with due rows, those waiting longest first (at most p_limit); each tenant's rows
 *   claimed with `tenant_id = …` in every statement, at most its fair share (p_limit / tenants, rounded
 *   up); what is left of p_limit to the tenants that filled their share, in the same order. A row is
 *   claimed by one transaction only (SKIP LOCKED and the status change); claimed rows are queued at
 *   v_now, so the second pass never takes them again, even with p_queued_stale = 0.
 * - `api_key_actor` (already PL/pgSQL) read now() three times and updated `last_used_at` by hash alone,
 *   a modification of every shard on each request with a key. It now finds the key by its hash (the one
 *   read that must fan out: the tenant is not known yet), then touches and reads it with `tenant_id = …`;
 *   now() is read once into v_now. Same rows.
 */
export class PlpgsqlWebhooksInvoicesApiKeys1765900000000 implements MigrationInterface {
  name = 'PlpgsqlWebhooksInvoicesApiKeys1765900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const index of TENANT_INDEXES) await q.query(`CREATE INDEX ${index}`);
    await q.query(`${WEBHOOK_CLAIM_DUE} LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      #variable_conflict use_column
      DECLARE
        v_now timestamptz := now();
        v_tenants uuid[];
        v_full uuid[] := '{}';
        v_tenant uuid;
        v_share int;
        v_take int;
        v_left int := p_limit;
        v_got int;
      BEGIN
        SELECT array_agg(w.tenant_id ORDER BY w.oldest) INTO v_tenants
        FROM (SELECT tenant_id, min(created_at) AS oldest FROM webhook_events WHERE ${DUE}
              GROUP BY tenant_id ORDER BY oldest LIMIT p_limit) w;
        IF v_tenants IS NULL OR p_limit < 1 THEN RETURN; END IF;
        v_share := ceil(p_limit::numeric / cardinality(v_tenants))::int;
        FOREACH v_tenant IN ARRAY v_tenants LOOP
          EXIT WHEN v_left < 1;
          v_take := LEAST(v_share, v_left);
          ${CLAIM_ONE_TENANT};
          GET DIAGNOSTICS v_got = ROW_COUNT;
          v_left := v_left - v_got;
          IF v_got = v_take THEN v_full := v_full || v_tenant; END IF;
        END LOOP;
        FOREACH v_tenant IN ARRAY v_full LOOP
          EXIT WHEN v_left < 1;
          v_take := v_left;
          ${CLAIM_ONE_TENANT};
          GET DIAGNOSTICS v_got = ROW_COUNT;
          v_left := v_left - v_got;
        END LOOP;
      END $$`);
    await q.query(`${WEBHOOK_RELEASE} LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      #variable_conflict use_column
      BEGIN
        UPDATE webhook_events e SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE e.tenant_id = r.tenant_id AND e.id = r.id AND e.status = 'queued';
      END $$`);
    // The sweep passes the day (p_today), so there is no now() to read here.
    await q.query(`${INVOICE_OVERDUE_CANDIDATES} LANGUAGE plpgsql STABLE ${DEFINER} AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY SELECT i.tenant_id, i.id FROM invoices i
        WHERE i.status IN ('issued', 'sent') AND i.overdue_reminded_at IS NULL AND i.due_date < p_today
        ORDER BY i.due_date LIMIT p_limit;
      END $$`);
    await q.query(`${API_KEY_ACTOR} LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      DECLARE
        v_now timestamptz := now();
        v_key record;
      BEGIN
        FOR v_key IN SELECT k.tenant_id, k.id FROM api_keys k WHERE k.hash = p_hash LOOP
          UPDATE api_keys k SET last_used_at = v_now
            WHERE k.tenant_id = v_key.tenant_id AND k.id = v_key.id
              AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > v_now)
              AND (k.last_used_at IS NULL OR k.last_used_at < v_now - interval '1 minute');
          RETURN QUERY SELECT k.tenant_id, k.id, k.name, k.scope, k.created_by,
              k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > v_now)
                AND EXISTS (SELECT 1 FROM memberships m
                  WHERE m.tenant_id = k.tenant_id AND m.user_id = k.created_by AND m.role IN ('owner', 'manager'))
            FROM api_keys k WHERE k.tenant_id = v_key.tenant_id AND k.id = v_key.id;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`${API_KEY_ACTOR} LANGUAGE plpgsql VOLATILE ${DEFINER} AS $$
      BEGIN
        UPDATE api_keys k SET last_used_at = now()
          WHERE k.hash = p_hash AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
            AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
        RETURN QUERY SELECT k.tenant_id, k.id, k.name, k.scope, k.created_by,
            k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
              AND EXISTS (SELECT 1 FROM memberships m
                WHERE m.tenant_id = k.tenant_id AND m.user_id = k.created_by AND m.role IN ('owner', 'manager'))
          FROM api_keys k WHERE k.hash = p_hash;
      END $$`);
    await q.query(`${INVOICE_OVERDUE_CANDIDATES} LANGUAGE sql STABLE ${DEFINER} AS $$
        SELECT i.tenant_id, i.id FROM invoices i
        WHERE i.status IN ('issued', 'sent') AND i.overdue_reminded_at IS NULL AND i.due_date < p_today
        ORDER BY i.due_date LIMIT p_limit $$`);
    await q.query(`${WEBHOOK_RELEASE} LANGUAGE sql VOLATILE ${DEFINER} AS $$
        UPDATE webhook_events e SET status = 'pending', queued_at = NULL
        FROM unnest(p_tenant_ids, p_ids) AS r(tenant_id, id)
        WHERE e.tenant_id = r.tenant_id AND e.id = r.id AND e.status = 'queued' $$`);
    await q.query(`${WEBHOOK_CLAIM_DUE} LANGUAGE sql VOLATILE ${DEFINER} AS $$
        WITH fresh AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'queued' AND queued_at < now() - p_queued_stale
          ORDER BY queued_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at FROM webhook_events
          WHERE status = 'sending' AND lease_until < now()
          ORDER BY lease_until LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT p_limit
        )
        UPDATE webhook_events e SET status = 'queued', queued_at = now(), lease_until = NULL
        FROM due c
        WHERE e.tenant_id = c.tenant_id AND e.id = c.id
        RETURNING e.tenant_id, e.id, e.resends, e.attempts, c.status = 'queued' $$`);
    await q.query(`DROP INDEX ${TENANT_INDEXES.map((index) => index.split(' ')[0]).join(', ')}`);
  }
}
