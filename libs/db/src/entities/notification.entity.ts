import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type NotificationStatus = 'pending' | 'queued' | 'sent' | 'failed';

/** The transactional outbox: written with the change it announces, relayed to the queue, sent once. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') template: string;
  @Column('text', { name: 'recipient_email' }) recipientEmail: string;
  @Column('uuid', { name: 'recipient_user_id', nullable: true }) recipientUserId: string | null;
  @Column('text') locale: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('text') status: NotificationStatus;
  @Column('int') attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'queued_at', nullable: true }) queuedAt: Date | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
