import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An hourly rate from a date on, in the engagement's currency. */
@Entity({ name: 'engagement_rates' })
export class EngagementRate {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'engagement_id' }) engagementId: string;
  @Column('date', { name: 'effective_from' }) effectiveFrom: string;
  @Column('numeric', { name: 'hourly_rate' }) hourlyRate: string;
  @Column('uuid', { name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
