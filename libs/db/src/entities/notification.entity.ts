import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type NotificationStatus = 'pending' | 'queued' | 'sending' | 'sent' | 'failed';

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
  @Column('timestamptz', { name: 'lease_until', nullable: true }) leaseUntil: Date | null;
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
  @Column('timestamptz', { name: 'first_attempt_at', nullable: true }) firstAttemptAt: Date | null;
  @Column('text', { name: 'failure_kind', nullable: true }) failureKind: 'temporary' | 'permanent' | null;
  @Column('text', { name: 'message_id', nullable: true }) messageId: string | null;
  @Column('int') resends: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
