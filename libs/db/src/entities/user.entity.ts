import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A person; global across tenants (one login), joined to tenants through memberships. */
@Entity({ name: 'users' })
export class User {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { name: 'password_hash', select: false }) passwordHash: string;
  @Column('text') locale: string;
  /** IANA time zone; null means the tenant's. */
  @Column('text', { name: 'time_zone', nullable: true }) timeZone: string | null;
  /** Null until a self-signed-up person opens the confirmation link. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt: Date | null;
  /** The TOTP secret, sealed with DATA_ENCRYPTION_KEY; set at enrolment, active once totpEnabledAt is set. */
  @Column('text', { name: 'totp_secret', nullable: true, select: false }) totpSecret: string | null;
  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true }) totpEnabledAt: Date | null;
  /** The time step of the last TOTP code accepted: a code is good once, for a later step only. */
  @Column('bigint', { name: 'totp_last_step', nullable: true, select: false }) totpLastStep: string | null;
  @Column('timestamptz', { name: 'password_changed_at', nullable: true }) passwordChangedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
