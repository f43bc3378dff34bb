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
    await q.query(`CREATE FUNCTION outbox_claim_due(p_limit int, p_queued_stale interval)
      RETURNS TABLE (tenant_id uuid, id uuid, resends int, attempts int, was_queued boolean)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        UPDATE notifications n SET status = 'queued', queued_at = now(), lease_until = NULL
        FROM (SELECT tenant_id, id, status FROM notifications
              WHERE (status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= now()))
                 OR (status = 'queued' AND queued_at < now() - p_queued_stale)
                 OR (status = 'sending' AND lease_until < now())
              ORDER BY created_at LIMIT p_limit FOR UPDATE SKIP LOCKED) c
        WHERE n.tenant_id = c.tenant_id AND n.id = c.id
        RETURNING n.tenant_id, n.id, n.resends, n.attempts, c.status = 'queued' $$`);
    await q.query(`REVOKE ALL ON FUNCTION outbox_claim_due(int, interval) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION outbox_claim_due(int, interval) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION outbox_claim_due(int, interval)`);
  }
}
