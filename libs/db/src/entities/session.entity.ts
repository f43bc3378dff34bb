import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type SignInMethod = 'password' | 'magic_link' | 'code' | 'sign_up' | 'invitation' | 'reset';

/** One sign-in: its refresh tokens form one family (same id) and its access tokens carry it as `sid`. */
@Entity({ name: 'sessions' })
export class Session {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') method: SignInMethod;
  /** Whether the second factor was given in this sign-in. */
  @Column('boolean', { name: 'mfa_verified' }) mfaVerified: boolean;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  @Column('text', { nullable: true }) ip: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_seen_at' }) lastSeenAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}
