import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type WorkLogSource = 'timer' | 'manual' | 'adjustment';
export type WorkLogStatus = 'draft' | 'submitted' | 'disputed' | 'locked';

/** A time entry. A running timer has no end; an adjusting entry has a signed duration and no end. */
@Entity({ name: 'work_logs' })
export class WorkLog {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'engagement_id' }) engagementId: string;
  /** Always the engagement's client account (a foreign key on the three columns holds it); written by the application. */
  @Column('uuid', { name: 'client_account_id' }) clientAccountId: string;
  @Column('uuid', { name: 'assistant_id' }) assistantId: string;
  @Column('text') source: WorkLogSource;
  @Column('text') status: WorkLogStatus;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
  @Column('int', { name: 'duration_seconds', nullable: true }) durationSeconds: number | null;
  @Column('text') notes: string;
  @Column('boolean') billable: boolean;
  @Column('numeric', { name: 'hourly_rate' }) hourlyRate: string;
  @Column('uuid', { name: 'week_id', nullable: true }) weekId: string | null;
  @Column('uuid', { name: 'adjusts_id', nullable: true }) adjustsId: string | null;
  @Column('uuid', { name: 'disclosure_id', nullable: true }) disclosureId: string | null;
  @Column('timestamptz', { name: 'auto_stopped_at', nullable: true }) autoStoppedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
