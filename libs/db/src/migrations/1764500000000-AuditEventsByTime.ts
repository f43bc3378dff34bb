import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log is read newest first, a page at a time. */
export class AuditEventsByTime1764500000000 implements MigrationInterface {
  name = 'AuditEventsByTime1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_created_idx ON audit_events (tenant_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_events_created_idx`);
  }
}
