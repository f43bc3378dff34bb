import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type ChallengePurpose = 'email_confirm' | 'password_reset' | 'magic_link' | 'email_change';

/** A single-use secret sent to a person by email (a link, and for magic links a 6-digit code); stored hashed. */
@Entity({ name: 'auth_challenges' })
export class AuthChallenge {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') purpose: ChallengePurpose;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('text', { name: 'code_hash', nullable: true }) codeHash: string | null;
  /** Hash of the secret the asking browser keeps; the code works only with it. */
  @Column('text', { name: 'browser_hash', nullable: true }) browserHash: string | null;
  /** The workspace the sign-in is for. */
  @Column('uuid', { name: 'sign_in_tenant_id', nullable: true }) tenantId: string | null;
  @Column('text', { name: 'new_email', nullable: true }) newEmail: string | null;
  /** Where the web app goes after a magic-link sign-in (a path of the app). */
  @Column('text', { name: 'next_path', nullable: true }) nextPath: string | null;
  @Column('int') attempts: number;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
