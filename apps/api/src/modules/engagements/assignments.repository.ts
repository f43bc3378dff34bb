import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Assignments } from '@candor/domain';

/** An assistant's assignments, as the scope rule reads them; takes the tenant-scoped manager. */
@Injectable()
export class AssignmentsRepository {
  /** The engagements the person is assigned to, each with its client account. */
  of(manager: EntityManager, tenantId: string, userId: string): Promise<Assignments[]> {
    return manager.query(
      `SELECT ea.engagement_id AS "engagementId", e.client_account_id AS "clientAccountId"
       FROM engagement_assistants ea JOIN engagements e ON e.tenant_id = ea.tenant_id AND e.id = ea.engagement_id
       WHERE ea.tenant_id = $1 AND ea.user_id = $2`,
      [tenantId, userId],
    );
  }
}
