import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The columns that let a notification survive any fault, and a person's own time zone.
 *
 * notifications:
 * - `sending`: claimed by a worker under a lease (`lease_until`) for one SMTP conversation; a lease
 *   that runs out (the worker died) makes the row claimable again.
 * - `next_attempt_at`: a temporary failure (SMTP 4xx, refused connection, timeout) waits until then;
 *   `first_attempt_at` bounds how long a row keeps being retried (a mail server's 24 hours).
 * - `failure_kind`: why the last attempt failed, `temporary` or `permanent` (SMTP 5xx, a bad address).
 * - `message_id`: the Message-ID header, fixed on the first attempt, so a receiving server drops a
 *   copy sent again by a process that died between the SMTP 250 and the commit.
 * - `resends`: how many times staff asked to send a failed notification again; part of the queue's
 *   job id, so a resend is never swallowed by the failed job the queue still keeps.
 * users.time_zone: an IANA zone; null means the tenant's.
 */
export class DeliveryAndTimeZones1764600000000 implements MigrationInterface {
  name = 'DeliveryAndTimeZones1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
      CHECK (status IN ('pending', 'queued', 'sending', 'sent', 'failed'))`);
    await q.query(`ALTER TABLE notifications
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN next_attempt_at timestamptz,
      ADD COLUMN first_attempt_at timestamptz,
      ADD COLUMN failure_kind text CHECK (failure_kind IN ('temporary', 'permanent')),
      ADD COLUMN message_id text,
      ADD COLUMN resends int NOT NULL DEFAULT 0 CHECK (resends >= 0)`);
    await q.query(`DROP INDEX notifications_pending_idx`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status IN ('pending', 'queued', 'sending')`);
    // Owners and managers read what failed or is being retried, newest first.
    await q.query(`CREATE INDEX notifications_trouble_idx ON notifications (tenant_id, created_at DESC, id DESC)
      WHERE status = 'failed' OR (status <> 'sent' AND attempts > 0)`);

    await q.query(`ALTER TABLE users ADD COLUMN time_zone text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN time_zone`);
    await q.query(`DROP INDEX notifications_trouble_idx`);
    await q.query(`DROP INDEX notifications_pending_idx`);
    await q.query(`UPDATE notifications SET status = 'queued' WHERE status = 'sending'`);
    await q.query(`ALTER TABLE notifications
      DROP COLUMN lease_until, DROP COLUMN next_attempt_at, DROP COLUMN first_attempt_at,
      DROP COLUMN failure_kind, DROP COLUMN message_id, DROP COLUMN resends`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_status_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_status_check
      CHECK (status IN ('pending', 'queued', 'sent', 'failed'))`);
    await q.query(`CREATE INDEX notifications_pending_idx ON notifications (created_at) WHERE status IN ('pending', 'queued')`);
  }
}
