import type { MigrationInterface, QueryRunner } from 'typeorm';

// A row is due for the relay (see 1764700000000-OutboxClaimDue): new, its retry time come, queued so
// long its job may be gone, or sending under an expired lease.
const DUE = `((status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= v_now))
           OR (status = 'queued' AND queued_at < v_now - p_queued_stale)
           OR (status = 'sending' AND lease_until < v_now))`;

// One tenant's due rows, at most p_cap, locked and marked queued: every statement names the tenant, so
// Citus routes it to the one shard that holds it (it refuses FOR UPDATE across shards).
const CLAIM_ONE_TENANT = `RETURN QUERY WITH fresh AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE tenant_id = v_tenant AND status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= v_now
          ORDER BY next_attempt_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE tenant_id = v_tenant AND status = 'queued' AND queued_at < v_now - p_queued_stale
          ORDER BY queued_at LIMIT v_take FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE tenant_id = v_tenant AND status = 'sending' AND lease_until < v_now
          ORDER BY lease_until LIMIT v_take FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT v_take
        )
        UPDATE notifications n SET status = 'queued', queued_at = v_now, lease_until = NULL
        FROM due c
        WHERE n.tenant_id = v_tenant AND n.tenant_id = c.tenant_id AND n.id = c.id
        RETURNING n.tenant_id, n.id, n.resends, n.attempts, c.status = 'queued'`;

/**
 * The relay's claim, per tenant. Citus refuses `FOR UPDATE SKIP LOCKED` across tenants ("Consider using
 * an equality filter on the distributed table's partition column"), so `outbox_claim_due` now
 * 1. reads, without a lock, the tenants that have due rows, those waiting longest first (at most p_limit);
 * 2. claims each tenant's rows with `tenant_id = …` in every statement, at most its fair share
 *    (p_limit / number of such tenants, rounded up), so one busy tenant cannot starve the others;
 * 3. hands what is left of p_limit to the tenants that filled their share, in the same order.
 * Same signature and rows as before; a row is claimed by one transaction only (SKIP LOCKED and the
 * status change), which is what the relay's exactly-once rests on. Claimed rows are queued at v_now,
 * so the second pass never takes them again, even with p_queued_stale = 0.
 * Each way of being due gets a second index led by tenant_id, for the per-tenant claim; the first ones
 * (led by the time) stay for the cross-tenant read, so hours of rows waiting for a retry are not walked.
 * `outbox_claim`, the first claim (cross-tenant, unused since 1764700000000), is dropped.
 */
export class OutboxClaimPerTenant1765720000000 implements MigrationInterface {
  name = 'OutboxClaimPerTenant1765720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION outbox_claim(int, interval)`);
    await q.query(`CREATE INDEX notifications_tenant_fresh_idx ON notifications (tenant_id, created_at) WHERE status = 'pending' AND next_attempt_at IS NULL`);
    await q.query(
      `CREATE INDEX notifications_tenant_retry_due_idx ON notifications (tenant_id, next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX notifications_tenant_queued_idx ON notifications (tenant_id, queued_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX notifications_tenant_lease_idx ON notifications (tenant_id, lease_until) WHERE status = 'sending'`);
    await q.query(`CREATE OR REPLACE FUNCTION outbox_claim_due(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
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
        FROM (SELECT tenant_id, min(created_at) AS oldest FROM notifications WHERE ${DUE}
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION outbox_claim_due(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH fresh AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE status = 'pending' AND next_attempt_at IS NULL
          ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), retry AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE status = 'pending' AND next_attempt_at IS NOT NULL AND next_attempt_at <= now()
          ORDER BY next_attempt_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), stale AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE status = 'queued' AND queued_at < now() - p_queued_stale
          ORDER BY queued_at LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), expired AS (
          SELECT tenant_id, id, status, created_at FROM notifications
          WHERE status = 'sending' AND lease_until < now()
          ORDER BY lease_until LIMIT p_limit FOR UPDATE SKIP LOCKED
        ), due AS (
          SELECT * FROM fresh UNION ALL SELECT * FROM retry UNION ALL SELECT * FROM stale UNION ALL SELECT * FROM expired
          ORDER BY created_at LIMIT p_limit
        )
        UPDATE notifications n SET status = 'queued', queued_at = now(), lease_until = NULL
        FROM due c
        WHERE n.tenant_id = c.tenant_id AND n.id = c.id
        RETURNING n.tenant_id, n.id, n.resends, n.attempts, c.status = 'queued' $$`);
    await q.query(`DROP INDEX notifications_tenant_lease_idx, notifications_tenant_queued_idx, notifications_tenant_retry_due_idx, notifications_tenant_fresh_idx`);
    await q.query(`CREATE FUNCTION outbox_claim(p_limit int, p_stale_after interval)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE notifications n SET status = 'queued', queued_at = now()
        FROM (SELECT tenant_id, id FROM notifications
              WHERE status = 'pending' OR (status = 'queued' AND queued_at < now() - p_stale_after)
              ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED) c
        WHERE n.tenant_id = c.tenant_id AND n.id = c.id
        RETURNING n.tenant_id, n.id $$`);
    await q.query(`REVOKE ALL ON FUNCTION outbox_claim(int, interval) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION outbox_claim(int, interval) TO candor_runtime`);
  }
}
