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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
