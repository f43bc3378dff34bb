import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { insertAuditEvent } from '@candor/db';
import type { Actor } from '@candor/domain';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor';
import { TenantContext } from '../../common/tenant-context';
import { DeliveryFailuresRepository } from './delivery-failures.repository';
import type { BouncedRecipientResponse } from './dto/bounced-recipient.response';
import type { DeliveryFailurePageResponse, DeliveryFailureResponse } from './dto/delivery-failure.response';
import type { ListDeliveryFailuresQuery } from './dto/list-delivery-failures.query';

@Injectable()
export class DeliveryFailuresService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: DeliveryFailuresRepository,
  ) {}

  async list(actor: Actor, query: ListDeliveryFailuresQuery): Promise<DeliveryFailurePageResponse> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.repository.list(this.tenant.manager, actor.tenantId, query.state ?? null, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page, nextCursor: rows.length > limit && last ? encodeCursor({ at: new Date(last.createdAt), id: last.id }) : null };
  }

  /** Sends a failed email once more; the worker's relay picks the row up within its interval. */
  async sendAgain(actor: Actor, id: string): Promise<DeliveryFailureResponse> {
    const manager = this.tenant.manager;
    const before = await this.repository.find(manager, actor.tenantId, id);
    if (!before) throw new NotFoundException('No such email notification');
    if (!(await this.repository.requeueFailed(manager, actor.tenantId, id))) {
      throw new ConflictException(
        before.state === 'sent'
          ? 'This email was delivered; there is nothing to send again'
          : 'This email has not failed: it is on its way or being retried, so it cannot be sent again now',
      );
    }
    await insertAuditEvent(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'notification.resent',
      entityType: 'notification',
      entityId: id,
      change: { recipient: before.recipientEmail, event: before.event, reason: before.reason, resends: before.resends + 1 },
    });
    const after = await this.repository.find(manager, actor.tenantId, id);
    if (!after) throw new Error('The notification just resent is gone');
    return after;
  }

  bounced(actor: Actor): Promise<BouncedRecipientResponse[]> {
    return this.repository.bounced(this.tenant.manager, actor.tenantId);
  }
}
