import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's claim, aware of retries and leases. A row is due when it is
 * - `pending` and its `next_attempt_at` (a temporary failure's wait) has come, or is unset;
 * - `queued` for longer than `p_queued_stale` (its job may be gone: Redis restarted empty, the relay
 *   died between the claim and the enqueue); re-adding is harmless, the job id dedupes a live job;
 * - `sending` past its `lease_until` (the worker died mid-send).
 * It returns what the job id is made of, so a re-claim is never swallowed by an older job, and
 * whether the row was already queued (the relay then asks the queue whether its job is still there).
 * SECURITY DEFINER like outbox_claim: the relay works across tenants.
 */
export class OutboxClaimDue1764700000000 implements MigrationInterface {
  name = 'OutboxClaimDue1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // One narrow index per way of being due, so a tick finds due rows without walking the rows that
    // are not (an SMTP outage of hours leaves many rows waiting for their next attempt).
    await q.query(`CREATE INDEX notifications_fresh_idx ON notifications (created_at) WHERE status = 'pending' AND next_attempt_at IS NULL`);
    await q.query(`CREATE INDEX notifications_retry_due_idx ON notifications (next_attempt_at) WHERE status = 'pending' AND next_attempt_at IS NOT NULL`);
    await q.query(`CREATE INDEX notifications_queued_idx ON notifications (queued_at) WHERE status = 'queued'`);
    await q.query(`CREATE INDEX notifications_lease_idx ON notifications (lease_until) WHERE status = 'sending'`);
    await q.query(`CREATE FUNCTION outbox_claim_due(p_limit int, p_queued_stale interval)
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
    await q.query(`REVOKE ALL ON FUNCTION outbox_claim_due(int, interval) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION outbox_claim_due(int, interval) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION outbox_claim_due(int, interval)`);
    await q.query(`DROP INDEX notifications_lease_idx, notifications_queued_idx, notifications_retry_due_idx, notifications_fresh_idx`);
  }
}
