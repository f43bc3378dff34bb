import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { auditEventSql, writeTogether, type CtePart } from '@candor/db';
import type { Actor, DisclosureStatus } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';

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
  constructor(private readonly tenant: TenantContext) {}

  async record(actor: Actor, disclosureId: string, event: DisclosureEvent): Promise<void> {
    await writeTogether(this.tenant.manager, this.parts(actor, disclosureId, event));
  }

  /** The event and its audit row as CTEs of a statement that writes the change too (DisclosuresRepository.moveTo). */
  parts(actor: Actor, disclosureId: string, event: DisclosureEvent): CtePart[] {
    const detail = event.detail ?? {};
    return [
      (bind) => {
        const values = [
          actor.tenantId,
          randomUUID(),
          disclosureId,
          actor.userId,
          event.action,
          event.fromStatus ?? null,
          event.toStatus ?? null,
        ];
        return `timeline_event AS (
          INSERT INTO disclosure_events (tenant_id, id, disclosure_id, actor_id, action, from_status, to_status, visibility, detail)
          VALUES (${[...values, event.visibility, detail].map(bind).join(', ')}))`;
      },
      (bind) =>
        `timeline_audit AS (${auditEventSql(
          bind,
          {
            tenantId: actor.tenantId,
            actorUserId: actor.userId,
            action: `disclosure.${event.action}`,
            entityType: 'disclosure',
            change: { from: event.fromStatus ?? null, to: event.toStatus ?? null, ...detail },
          },
          `${bind(disclosureId)}::uuid`,
        )})`,
    ];
  }
}
