import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One of a person's ten single-use two-factor recovery codes, hashed. */
@Entity({ name: 'recovery_codes' })
export class RecoveryCode {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'code_hash' }) codeHash: string;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
}
