import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Recipient } from './recipients.service';

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
    await this.insert(manager, [{ ...notification, id }]);
    return id;
  }

  /** One email per recipient, each in the recipient's own language. */
  async addForEach(
    manager: EntityManager,
    tenantId: string,
    recipients: Recipient[],
    template: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    await this.insert(
      manager,
      recipients.map((r) => ({
        id: randomUUID(),
        tenantId,
        template,
        recipientEmail: r.email,
        recipientUserId: r.userId,
        locale: r.locale,
        payload: { ...payload, recipientName: r.displayName },
      })),
    );
  }

  /** One multi-row INSERT: the outbox row is written in the caller's transaction and nowhere else. */
  private async insert(manager: EntityManager, rows: (OutgoingNotification & { id: string })[]): Promise<void> {
    if (!rows.length) return;
    const params: unknown[] = [];
    const values = rows.map((r) => {
      const at = params.push(r.tenantId, r.id, r.template, r.recipientEmail, r.recipientUserId ?? null, r.locale, r.payload);
      return `(${[6, 5, 4, 3, 2, 1, 0].map((back) => `$${at - back}`).join(', ')})`;
    });
    await manager.query(
      `INSERT INTO notifications (tenant_id, id, template, recipient_email, recipient_user_id, locale, payload) VALUES ${values.join(', ')}`,
      params,
    );
  }
}
