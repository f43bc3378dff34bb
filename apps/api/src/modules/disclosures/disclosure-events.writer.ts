import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor, DisclosureStatus } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';

export interface DisclosureEvent {
  action: string;
  fromStatus?: DisclosureStatus | null;
  toStatus?: DisclosureStatus | null;
  visibility: 'client' | 'internal';
  detail?: Record<string, unknown>;
}

/** Writes one step of a disclosure's timeline and the matching audit event, in the request's transaction. */
@Injectable()
export class DisclosureEventsWriter {
  constructor(
    private readonly tenant: TenantContext,
    private readonly audit: AuditService,
  ) {}

  async record(actor: Actor, disclosureId: string, event: DisclosureEvent): Promise<void> {
    const detail = event.detail ?? {};
    await this.tenant.manager.query(
      `INSERT INTO disclosure_events (tenant_id, id, disclosure_id, actor_id, action, from_status, to_status, visibility, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        actor.tenantId,
        randomUUID(),
        disclosureId,
        actor.userId,
        event.action,
        event.fromStatus ?? null,
        event.toStatus ?? null,
        event.visibility,
        detail,
      ],
    );
    await this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: `disclosure.${event.action}`,
      entityType: 'disclosure',
      entityId: disclosureId,
      change: { from: event.fromStatus ?? null, to: event.toStatus ?? null, ...detail },
    });
  }
}
