import type { MigrationInterface, QueryRunner } from 'typeorm';

// Today's 08:00 in a zone, as a moment; and that day's date there (as in 1765100000000-DigestReaders).
const cutoff = (zone: string) => `((date_trunc('day', p_now AT TIME ZONE ${zone}) + interval '8 hours') AT TIME ZONE ${zone})`;
const localDay = (zone: string) => `(p_now AT TIME ZONE ${zone})::date`;

const HEAD = `CREATE OR REPLACE FUNCTION digest_readers_due(p_now timestamptz, p_limit int)
  RETURNS TABLE (tenant_id uuid, user_id uuid)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY SELECT`;
const READERS = `FROM notification_preferences p
    JOIN memberships m ON m.tenant_id = p.tenant_id AND m.user_id = p.user_id
    JOIN tenants t ON t.id = m.tenant_id
    JOIN users u ON u.id = m.user_id
    WHERE p.mode = 'digest'
    GROUP BY m.tenant_id, m.user_id, m.last_digest_on, u.time_zone, t.time_zone`;

/**
 * `digest_readers_due` with the grouping in a subquery and the filter outside it. Citus (13.2) rewrote the
 * `COALESCE(u.time_zone, t.time_zone)` of the HAVING clause as `COALESCE(m.id, ...)` in the query it sent to the
 * workers (an error here, wrong rows had the types matched); outside the subquery there is no HAVING to rewrite,
 * the reader's zone is a plain column of the grouped rows. Same signature, result, SECURITY DEFINER, search_path
 * (CREATE OR REPLACE keeps owner and grants); `down` restores the HAVING form of 1765710000000.
 */
export class DigestReadersGroupedFirst1765920000000 implements MigrationInterface {
  name = 'DigestReadersGroupedFirst1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`${HEAD} r.tenant_id, r.user_id FROM (
      SELECT m.tenant_id, m.user_id, m.last_digest_on, COALESCE(u.time_zone, t.time_zone) AS zone, min(p.updated_at) AS chosen_at
      ${READERS}) r
    WHERE p_now >= ${cutoff('r.zone')} AND r.last_digest_on IS DISTINCT FROM ${localDay('r.zone')} AND r.chosen_at < ${cutoff('r.zone')}
    LIMIT p_limit;
  END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    const zone = 'COALESCE(u.time_zone, t.time_zone)';
    await q.query(`${HEAD} m.tenant_id, m.user_id ${READERS}
    HAVING p_now >= ${cutoff(zone)} AND m.last_digest_on IS DISTINCT FROM ${localDay(zone)} AND min(p.updated_at) < ${cutoff(zone)}
    LIMIT p_limit;
  END $$`);
  }
}
