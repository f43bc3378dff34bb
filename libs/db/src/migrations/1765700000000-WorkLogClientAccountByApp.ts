import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A work log's client account is written by the application, no longer by the trigger
 * `work_logs_client_account` (Citus refuses to distribute a table that has a trigger, and a trigger on
 * a shard would see only what that worker sees). What the trigger guaranteed, a foreign key now holds:
 * (tenant_id, engagement_id, client_account_id) must be an engagement with that client account, so a
 * wrong one can never be stored. An engagement's client account never changes (the update DTO leaves
 * it out); should anything try while the engagement has work logs, the same key refuses it (ON UPDATE
 * CASCADE is not an option: Citus does not cascade updates of keys that include the distribution column).
 * The key it references, engagements_client_key, is the deliverables' (1764300000000-Deliverables).
 */
export class WorkLogClientAccountByApp1765700000000 implements MigrationInterface {
  name = 'WorkLogClientAccountByApp1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER work_logs_client_account ON work_logs`);
    await q.query(`DROP FUNCTION work_logs_fill_client_account()`);
    await q.query(`ALTER TABLE work_logs ADD CONSTRAINT work_logs_engagement_client_account_fkey
      FOREIGN KEY (tenant_id, engagement_id, client_account_id) REFERENCES engagements (tenant_id, id, client_account_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_logs DROP CONSTRAINT work_logs_engagement_client_account_fkey`);
    await q.query(`CREATE FUNCTION work_logs_fill_client_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.client_account_id INTO NEW.client_account_id FROM engagements e
        WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.engagement_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER work_logs_client_account BEFORE INSERT OR UPDATE OF engagement_id ON work_logs
      FOR EACH ROW EXECUTE FUNCTION work_logs_fill_client_account()`);
  }
}
