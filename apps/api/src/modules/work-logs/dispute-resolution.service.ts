import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hoursFor, type Actor } from '@candor/domain';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { OutboxService } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';

/**
 * Staff answered a disputed entry (corrected it or replied): the entry goes back to the client as
 * submitted, and once no entry of its week is disputed any more, the week is back for approval.
 */
@Injectable()
export class DisputeResolutionService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
  ) {}

  async resolve(manager: EntityManager, actor: Actor, workLogId: string, weekId: string): Promise<void> {
    await manager.query(`UPDATE work_logs SET status = 'submitted', updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      workLogId,
    ]);
    // Through a CTE: TypeORM answers a bare UPDATE ... RETURNING with [rows, count], never empty.
    const reopened: { engagementId: string }[] = await manager.query(
      `WITH reopened AS (
         UPDATE timesheet_weeks SET status = 'submitted', submitted_at = now()
         WHERE tenant_id = $1 AND id = $2 AND status = 'disputed'
           AND NOT EXISTS (SELECT 1 FROM work_logs WHERE tenant_id = $1 AND week_id = $2 AND status = 'disputed')
         RETURNING engagement_id)
       SELECT engagement_id AS "engagementId" FROM reopened`,
      [actor.tenantId, weekId],
    );
    if (reopened.length) await this.notifyClient(manager, actor.tenantId, weekId, true);
  }

  /** Tells the client's main contacts that a week waits for their approval. */
  async notifyClient(manager: EntityManager, tenantId: string, weekId: string, resubmitted: boolean): Promise<void> {
    const [week]: { engagementId: string; engagementName: string; clientAccountId: string; tenantName: string; assistantName: string; weekStart: string; seconds: string }[] =
      await manager.query(
        `SELECT w.engagement_id AS "engagementId", e.name AS "engagementName", e.client_account_id AS "clientAccountId",
                t.name AS "tenantName", u.display_name AS "assistantName", to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart",
                (SELECT COALESCE(sum(duration_seconds), 0) FROM work_logs l WHERE l.tenant_id = w.tenant_id AND l.week_id = w.id) AS seconds
         FROM timesheet_weeks w JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id
         JOIN tenants t ON t.id = w.tenant_id JOIN users u ON u.id = w.assistant_id
         WHERE w.tenant_id = $1 AND w.id = $2`,
        [tenantId, weekId],
      );
    if (!week) return;
    await this.outbox.addForEach(manager, tenantId, await this.recipients.clientAdmins(manager, tenantId, week.clientAccountId), 'week_submitted', {
      tenantName: week.tenantName,
      engagementName: week.engagementName,
      assistantName: week.assistantName,
      weekStart: week.weekStart,
      hours: hoursFor(Number(week.seconds)),
      resubmitted,
      url: new URL(`/engagements/${week.engagementId}/weeks/${weekId}`, this.config.WEB_URL).toString(),
    });
  }
}
