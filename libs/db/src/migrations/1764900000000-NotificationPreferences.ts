import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
const TABLES = ['notification_preferences', 'held_notifications'];
// Today's 08:00 in the reader's zone (theirs, else the tenant's), as a moment.
const DIGEST_CUTOFF = `((date_trunc('day', p_now AT TIME ZONE COALESCE(u.time_zone, t.time_zone)) + interval '8 hours') AT TIME ZONE COALESCE(u.time_zone, t.time_zone))`;

/**
 * How often each person hears about each kind of event, and the emails held back for them.
 *
 * notification_preferences: one row per (person, event) they changed; no row means `immediate`.
 * held_notifications: an email not sent yet because its reader wants it in the 08:00 digest
 * (`digest`), or because more comments on the same thread may follow within minutes (`burst`,
 * keyed by `thread_key`). The worker's sweep turns each due group into one outbox row and deletes it.
 * held_notifications_due(): the one cross-tenant read the sweep needs, returning groups only.
 */
export class NotificationPreferences1764900000000 implements MigrationInterface {
  name = 'NotificationPreferences1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_preferences (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event ~ '^[a-z_]{1,64}$'),
      mode text NOT NULL CHECK (mode IN ('immediate', 'digest', 'off')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, user_id, event))`);
    await q.query(`CREATE TABLE held_notifications (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('digest', 'burst')),
      thread_key text,
      template text NOT NULL,
      recipient_email text NOT NULL,
      locale text NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      CHECK ((kind = 'burst') = (thread_key IS NOT NULL)))`);
    await q.query(`CREATE INDEX held_notifications_group_idx ON held_notifications (tenant_id, user_id, kind, thread_key, created_at)`);
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON notification_preferences TO candor_runtime`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON held_notifications TO candor_runtime`);

    // A burst is due once its first comment is `p_burst_window` old; a digest once it is 08:00 in the
    // reader's zone and something was held from before that 08:00.
    await q.query(`CREATE FUNCTION held_notifications_due(p_now timestamptz, p_burst_window interval, p_limit int)
      RETURNS TABLE (tenant_id uuid, user_id uuid, kind text, thread_key text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT h.tenant_id, h.user_id, h.kind, h.thread_key
        FROM held_notifications h
        JOIN tenants t ON t.id = h.tenant_id
        JOIN users u ON u.id = h.user_id
        WHERE (h.kind = 'burst' AND h.created_at <= p_now - p_burst_window)
           OR (h.kind = 'digest' AND p_now >= ${DIGEST_CUTOFF} AND h.created_at < ${DIGEST_CUTOFF})
        GROUP BY h.tenant_id, h.user_id, h.kind, h.thread_key
        LIMIT p_limit $$`);
    await q.query(`REVOKE ALL ON FUNCTION held_notifications_due(timestamptz, interval, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION held_notifications_due(timestamptz, interval, int) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION held_notifications_due(timestamptz, interval, int)`);
    await q.query(`DROP TABLE held_notifications, notification_preferences`);
  }
}
