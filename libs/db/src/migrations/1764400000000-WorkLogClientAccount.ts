import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A client's page of work logs was found by walking the whole tenant's entries newest first until
 * enough belonged to the client (the client account sat on the engagement only). The entry now
 * carries its engagement's client account, filled by a trigger (an engagement never changes client),
 * and a client's entries have their own index.
 */
export class WorkLogClientAccount1764400000000 implements MigrationInterface {
  name = 'WorkLogClientAccount1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE work_logs ADD COLUMN client_account_id uuid`);
    await q.query(`UPDATE work_logs w SET client_account_id = e.client_account_id FROM engagements e
      WHERE e.tenant_id = w.tenant_id AND e.id = w.engagement_id`);
    await q.query(`ALTER TABLE work_logs ALTER COLUMN client_account_id SET NOT NULL,
      ADD FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id)`);
    // SECURITY INVOKER: the lookup runs under the inserting role's row-level security, in its tenant.
    await q.query(`CREATE FUNCTION work_logs_fill_client_account() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.client_account_id INTO NEW.client_account_id FROM engagements e
        WHERE e.tenant_id = NEW.tenant_id AND e.id = NEW.engagement_id;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER work_logs_client_account BEFORE INSERT OR UPDATE OF engagement_id ON work_logs
      FOR EACH ROW EXECUTE FUNCTION work_logs_fill_client_account()`);
    await q.query(`CREATE INDEX work_logs_client_started_idx ON work_logs (tenant_id, client_account_id, started_at DESC, id DESC)
      WHERE status <> 'draft'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER work_logs_client_account ON work_logs`);
    await q.query(`DROP FUNCTION work_logs_fill_client_account()`);
    await q.query(`ALTER TABLE work_logs DROP COLUMN client_account_id`);
  }
}
