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
