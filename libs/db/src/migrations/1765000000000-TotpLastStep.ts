import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.totp_last_step: the RFC 6238 time step of the last TOTP code accepted for the person. A code
 * is accepted only for a later step (one atomic UPDATE ... WHERE totp_last_step < $step), so a code
 * seen over someone's shoulder cannot be used again within its 30-second window.
 */
export class TotpLastStep1765000000000 implements MigrationInterface {
  name = 'TotpLastStep1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN totp_last_step bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN totp_last_step`);
  }
}
