import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertNotifications, notifyEach, type NoticeTemplate, type OutgoingNotification, type Recipient } from '@candor/db';

export type { NoticeTemplate, OutgoingNotification };

/**
 * Writes notifications into the outbox inside the caller's transaction: the email exists if and only
 * if the change it announces committed. The worker's relay moves rows to the queue. (The SQL lives
 * in @candor/db, shared with the worker's sweeps.)
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, notification: OutgoingNotification): Promise<string> {
    const [id] = await insertNotifications(manager, [notification]);
    return id;
  }

  /** One email per recipient, each in the recipient's own language. */
  addForEach(
    manager: EntityManager,
    tenantId: string,
    recipients: Recipient[],
    template: NoticeTemplate,
    payload: Record<string, unknown>,
  ): Promise<void> {
    return notifyEach(manager, tenantId, recipients, template, payload);
  }
}
