import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { KeysetPosition } from '../../common/keyset-cursor';

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  apiKeyId: string | null;
  apiKeyName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  change: Record<string, unknown>;
}

export interface AuditFilter {
  entityType: string | null;
  entityId: string | null;
  actorId: string | null;
  after: KeysetPosition | null;
  take: number;
}

/** Reads the append-only audit trail (written by AuditService), newest first. */
@Injectable()
export class AuditEventsRepository {
  page(manager: EntityManager, tenantId: string, f: AuditFilter): Promise<AuditRow[]> {
    return manager.query(
      `SELECT a.id, a.created_at AS at, a.actor_user_id AS "actorId", u.display_name AS "actorName", a.action,
              a.actor_api_key_id AS "apiKeyId", k.name AS "apiKeyName", a.entity_type AS "entityType", a.entity_id AS "entityId", a.change
       FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
         LEFT JOIN api_keys k ON k.tenant_id = a.tenant_id AND k.id = a.actor_api_key_id
       WHERE a.tenant_id = $1 AND ($2::text IS NULL OR a.entity_type = $2) AND ($3::uuid IS NULL OR a.entity_id = $3)
         AND ($4::uuid IS NULL OR a.actor_user_id = $4) AND ($5::timestamptz IS NULL OR (a.created_at, a.id) < ($5, $6::uuid))
       ORDER BY a.created_at DESC, a.id DESC LIMIT $7`,
      [tenantId, f.entityType, f.entityId, f.actorId, f.after?.at ?? null, f.after?.id ?? null, f.take],
    );
  }
}
