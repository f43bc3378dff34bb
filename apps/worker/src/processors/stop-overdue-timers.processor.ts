import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { insertAuditEvent, insertNotifications, withTenant } from '@candor/db';
import { formatUtc } from './utc-date.util';

interface DueTimer {
  tenant_id: string;
  id: string;
  limit_hours: number;
}

interface StoppedTimer {
  engagementId: string;
  engagementName: string;
  tenantName: string;
  startedAt: Date;
  email: string;
  locale: string;
  displayName: string;
  assistantId: string;
}

/**
 * Stops timers left running past their tenant's limit, at the limit, and emails the assistant to fix
 * the end time. Idempotent: a timer already stopped (by hand or by another sweep) is skipped.
 */
export class StopOverdueTimersProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webUrl: string,
    private readonly defaultLimitHours: number,
    private readonly logger: Logger,
  ) {}

  async handle(): Promise<{ stopped: number }> {
    const due: DueTimer[] = await this.dataSource.query(`SELECT tenant_id, id, limit_hours FROM overdue_timers($1, $2)`, [
      this.defaultLimitHours,
      500,
    ]);
    let stopped = 0;
    for (const timer of due) {
      if (await this.stop(timer)) stopped += 1;
    }
    if (stopped) this.logger.info({ stopped }, 'stopped overdue timers');
    return { stopped };
  }

  private stop({ tenant_id: tenantId, id, limit_hours: limitHours }: DueTimer): Promise<boolean> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      const [timer]: StoppedTimer[] = await manager.query(
        `WITH stopped AS (
           UPDATE work_logs SET ended_at = started_at + make_interval(hours => $3), duration_seconds = $3 * 3600,
                  auto_stopped_at = now(), updated_at = now()
           WHERE tenant_id = $1 AND id = $2 AND ended_at IS NULL AND source <> 'adjustment'
           RETURNING engagement_id, assistant_id, started_at)
         SELECT s.engagement_id AS "engagementId", e.name AS "engagementName", t.name AS "tenantName", s.started_at AS "startedAt",
                u.email, u.locale, u.display_name AS "displayName", s.assistant_id AS "assistantId"
         FROM stopped s JOIN engagements e ON e.tenant_id = $1 AND e.id = s.engagement_id
         JOIN tenants t ON t.id = $1 JOIN users u ON u.id = s.assistant_id`,
        [tenantId, id, limitHours],
      );
      if (!timer) return false;
      const payload = {
        recipientName: timer.displayName,
        tenantName: timer.tenantName,
        engagementName: timer.engagementName,
        limitHours,
        startedAt: formatUtc(timer.startedAt),
        url: new URL(`/work-logs/${id}`, this.webUrl).toString(),
      };
      await insertNotifications(manager, [
        { tenantId, template: 'timer_auto_stopped', recipientEmail: timer.email, recipientUserId: timer.assistantId, locale: timer.locale, payload },
      ]);
      await insertAuditEvent(manager, { tenantId, actorUserId: null, action: 'timer.auto_stopped', entityType: 'work_log', entityId: id, change: { limitHours } });
      return true;
    });
  }
}
