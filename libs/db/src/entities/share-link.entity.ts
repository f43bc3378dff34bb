import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type ReportPeriod = 'week' | 'month';

/** A read-only link to one engagement's timesheet for one period; expiring and revocable. */
@Entity({ name: 'share_links' })
export class ShareLink {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'engagement_id' }) engagementId: string;
  @Column('text') period: ReportPeriod;
  @Column('date', { name: 'period_start' }) periodStart: string;
  @Column('text', { name: 'token_hash', select: false }) tokenHash: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
