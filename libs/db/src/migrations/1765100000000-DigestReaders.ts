import type { MigrationInterface, QueryRunner } from 'typeorm';

// Today's 08:00 in the reader's zone (theirs, else the tenant's), as a moment; and that day's date there.
const ZONE = `COALESCE(u.time_zone, t.time_zone)`;
const CUTOFF = `((date_trunc('day', p_now AT TIME ZONE ${ZONE}) + interval '8 hours') AT TIME ZONE ${ZONE})`;
const LOCAL_DAY = `(p_now AT TIME ZONE ${ZONE})::date`;

/**
 * Who reads a digest, and the day each last got one.
 *
 * A digest reader is a member with at least one event on `digest`, chosen before today's 08:00 in
 * their zone (a digest starts the morning after it is chosen). From 08:00 their digest lists what
 * happened and what waits for them; the sweep marks `memberships.last_digest_on` with the reader's
 * local date in the same transaction, so each reader is considered once a day, by one worker.
 * digest_readers_due(): the one cross-tenant read this needs, returning (tenant, user) only.
 */
export class DigestReaders1765100000000 implements MigrationInterface {
  name = 'DigestReaders1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE memberships ADD COLUMN last_digest_on date`);
    await q.query(`CREATE INDEX notification_preferences_digest_idx ON notification_preferences (tenant_id, user_id) WHERE mode = 'digest'`);
    await q.query(`CREATE FUNCTION digest_readers_due(p_now timestamptz, p_limit int)
      RETURNS TABLE (tenant_id uuid, user_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT m.tenant_id, m.user_id
        FROM notification_preferences p
        JOIN memberships m ON m.tenant_id = p.tenant_id AND m.user_id = p.user_id
        JOIN tenants t ON t.id = m.tenant_id
        JOIN users u ON u.id = m.user_id
        WHERE p.mode = 'digest'
        GROUP BY m.tenant_id, m.user_id, m.last_digest_on, u.time_zone, t.time_zone
        HAVING p_now >= ${CUTOFF} AND m.last_digest_on IS DISTINCT FROM ${LOCAL_DAY} AND min(p.updated_at) < ${CUTOFF}
        LIMIT p_limit $$`);
    await q.query(`REVOKE ALL ON FUNCTION digest_readers_due(timestamptz, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION digest_readers_due(timestamptz, int) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION digest_readers_due(timestamptz, int)`);
    await q.query(`DROP INDEX notification_preferences_digest_idx`);
    await q.query(`ALTER TABLE memberships DROP COLUMN last_digest_on`);
  }
}
