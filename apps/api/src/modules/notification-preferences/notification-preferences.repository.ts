import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryMode } from '@candor/domain';

/** A person's email choices in one workspace; takes the tenant-scoped manager. */
@Injectable()
export class NotificationPreferencesRepository {
  /** The person's name for the workspace and email, or undefined when they are no member (any more). */
  async member(manager: EntityManager, tenantId: string, userId: string): Promise<{ tenantName: string; email: string } | undefined> {
    const [who]: { tenantName: string; email: string }[] = await manager.query(
      `SELECT t.name AS "tenantName", u.email FROM memberships m JOIN tenants t ON t.id = m.tenant_id JOIN users u ON u.id = m.user_id
       WHERE m.tenant_id = $1 AND m.user_id = $2`,
      [tenantId, userId],
    );
    return who;
  }

  async modes(manager: EntityManager, tenantId: string, userId: string): Promise<Map<string, DeliveryMode>> {
    const rows: { event: string; mode: DeliveryMode }[] = await manager.query(
      `SELECT event, mode FROM notification_preferences WHERE tenant_id = $1 AND user_id = $2`,
      [tenantId, userId],
    );
    return new Map(rows.map((r) => [r.event, r.mode]));
  }

  async upsert(manager: EntityManager, tenantId: string, userId: string, event: string, mode: DeliveryMode): Promise<void> {
    await manager.query(
      `INSERT INTO notification_preferences (tenant_id, user_id, event, mode) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, user_id, event) DO UPDATE SET mode = EXCLUDED.mode, updated_at = EXCLUDED.updated_at`,
      [tenantId, userId, event, mode],
    );
  }
}
