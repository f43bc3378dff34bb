import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An assistant assigned to an engagement: only they (and managers, the owner) may log time on it. */
@Entity({ name: 'engagement_assistants' })
export class EngagementAssistant {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'engagement_id' }) engagementId: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
