import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  tenantId: string;
  /** null when the system acted (a scheduled sweep). */
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change?: Record<string, unknown>;
}

/** Appends who did what to which row, in the same transaction as the change. */
export async function insertAuditEvent(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, change) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.tenantId, randomUUID(), entry.actorUserId, entry.action, entry.entityType, entry.entityId, entry.change ?? {}],
  );
}

/**
 * The same audit row as an INSERT to put in a CTE of the change's own statement: one row for each row
 * of `from` (an earlier CTE, e.g. the rows the change wrote), whose `entityId` is an SQL expression
 * over it (`entry.id`); without `from`, one row. Values are bound through `bind`.
 */
export function auditEventSql(
  bind: (value: unknown) => string,
  entry: Omit<AuditEntry, 'entityId'>,
  entityId: string,
  from?: string,
): string {
  return `INSERT INTO audit_events (tenant_id, id, actor_user_id, action, entity_type, entity_id, change)
    SELECT ${bind(entry.tenantId)}::uuid, gen_random_uuid(), ${bind(entry.actorUserId)}::uuid, ${bind(entry.action)}, ${bind(entry.entityType)},
           ${entityId}, ${bind(entry.change ?? {})}::jsonb ${from ? `FROM ${from}` : ''}`;
}
