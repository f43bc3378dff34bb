import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { emitWebhookEvent } from '@candor/db';
import type { WebhookEventType } from '@candor/domain';

/**
 * The one way a feature announces an event to the tenant's webhook endpoints: called inside the
 * change's transaction with the object as staff see it (its staff presenter's output), it writes one
 * webhook row per subscribed active endpoint; the worker delivers them.
 */
@Injectable()
export class WebhookEvents {
  async emit(manager: EntityManager, tenantId: string, type: WebhookEventType, data: unknown): Promise<void> {
    await emitWebhookEvent(manager, tenantId, type, data);
  }
}
