import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `auth_session_touch` updates the sessions in key order (tenant, id), whatever order it is given them in. Each API
 * process gathers the sessions it confirmed and touches them together once a minute, in the order it met them; two
 * processes (two replicas, or a cluster) that touched the same sessions in different orders locked them in
 * different orders and deadlocked: one touch was rolled back after PostgreSQL's deadlock_timeout, and its sessions'
 * last-seen times were lost for that minute. In one order, the second touch waits for the first instead.
 * (CREATE OR REPLACE keeps the procedure's grants.)
 */
export class SessionTouchInKeyOrder1766100000000 implements MigrationInterface {
  name = 'SessionTouchInKeyOrder1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE PROCEDURE auth_session_touch(p_tenant_ids uuid[], p_session_ids uuid[])
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        r record;
      BEGIN
        -- One session at a time: each UPDATE names its tenant (a single shard under Citus).
        FOR r IN SELECT DISTINCT t.tenant_id, t.id FROM unnest(p_tenant_ids, p_session_ids) AS t(tenant_id, id) ORDER BY t.tenant_id, t.id LOOP
          UPDATE sessions SET last_seen_at = now()
            WHERE tenant_id = r.tenant_id AND id = r.id AND revoked_at IS NULL AND last_seen_at < now();
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE PROCEDURE auth_session_touch(p_tenant_ids uuid[], p_session_ids uuid[])
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_session_ids, 1), 0) LOOP
          UPDATE sessions SET last_seen_at = now()
            WHERE tenant_id = p_tenant_ids[i] AND id = p_session_ids[i] AND revoked_at IS NULL AND last_seen_at < now();
        END LOOP;
      END $$`);
  }
}
