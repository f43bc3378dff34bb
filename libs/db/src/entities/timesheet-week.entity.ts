import { Column, Entity, PrimaryColumn } from 'typeorm';

export type TimesheetWeekStatus = 'submitted' | 'disputed' | 'approved';

/** One assistant's week on one engagement, as submitted to the client for approval. */
@Entity({ name: 'timesheet_weeks' })
export class TimesheetWeek {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'engagement_id' }) engagementId: string;
  @Column('uuid', { name: 'assistant_id' }) assistantId: string;
  /** The Monday the week starts on, in the tenant's time zone. */
  @Column('date', { name: 'week_start' }) weekStart: string;
  @Column('text') status: TimesheetWeekStatus;
  @Column('uuid', { name: 'submitted_by' }) submittedBy: string;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt: Date;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
}
