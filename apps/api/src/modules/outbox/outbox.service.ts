import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Notification } from '@candor/db';

export interface OutgoingNotification {
  tenantId: string;
  template: string;
  recipientEmail: string;
  recipientUserId?: string | null;
  locale: string;
  payload: Record<string, unknown>;
}

/**
 * Writes notifications into the outbox inside the caller's transaction: the email exists if and only
 * if the change it announces committed. The worker's relay moves rows to the queue.
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, notification: OutgoingNotification): Promise<string> {
    const id = randomUUID();
    await manager.save(
      manager.create(Notification, {
      id,
      tenantId: notification.tenantId,
      template: notification.template,
      recipientEmail: notification.recipientEmail,
      recipientUserId: notification.recipientUserId ?? null,
      locale: notification.locale,
      payload: notification.payload,
      status: 'pending',
      attempts: 0,
      }),
    );
    return id;
  }
}
