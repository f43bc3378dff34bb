import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The edit trail of a submitted entry: before and after, who, when and why. Append-only. */
@Entity({ name: 'work_log_revisions' })
export class WorkLogRevision {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'work_log_id' }) workLogId: string;
  @Column('uuid', { name: 'changed_by' }) changedBy: string;
  @Column('text') reason: string;
  @Column('jsonb') before: Record<string, unknown>;
  @Column('jsonb') after: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
