import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's /metrics reports the outbox across every tenant, but its runtime role sees one tenant
 * at a time under row-level security; this function reads the counts only (no row, no tenant), as
 * the owner (SECURITY DEFINER).
 */
export class OutboxStats1764710000000 implements MigrationInterface {
  name = 'OutboxStats1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION outbox_stats()
      RETURNS TABLE (pending bigint, retrying bigint, oldest_pending_age_seconds double precision)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT count(*), count(*) FILTER (WHERE attempts > 0),
               coalesce(extract(epoch FROM now() - min(created_at))::double precision, 0)
        FROM notifications WHERE status IN ('pending', 'queued', 'sending') $$`);
    await q.query(`REVOKE ALL ON FUNCTION outbox_stats() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION outbox_stats() TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION outbox_stats()`);
  }
}
