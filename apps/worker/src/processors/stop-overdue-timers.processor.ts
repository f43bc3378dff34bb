import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, insertNotifications, type PortalAddressConfig } from '@candor/db';
import { DEFAULT_TENANT_SETTINGS } from '@candor/domain';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';
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
export class StopOverdueTimersProcessor extends TenantSweep<DueTimer, 'stopped'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['stopped'], 'stopped overdue timers');
  }

  protected candidates(): Promise<DueTimer[]> {
    // A tenant without its own limit gets the domain's default: one source for every settings default.
    return this.dataSource.query(`SELECT tenant_id, id, limit_hours FROM overdue_timers($1, $2)`, [
      DEFAULT_TENANT_SETTINGS.timerLimitHours,
      SWEEP_BATCH,
    ]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id, limit_hours: limitHours }: DueTimer): Promise<'stopped' | null> {
    // The end is read first (the row locked) and written as a value: Citus refuses `started_at + make_interval(...)`
    // in an UPDATE ("STABLE functions used in UPDATE queries cannot be called with column references").
    const [running]: { endedAt: string }[] = await manager.query(
      `SELECT (started_at + make_interval(hours => $3))::text AS "endedAt" FROM work_logs
       WHERE tenant_id = $1 AND id = $2 AND ended_at IS NULL AND source <> 'adjustment' FOR NO KEY UPDATE`,
      [tenantId, id, limitHours],
    );
    if (!running) return null;
    const [timer]: StoppedTimer[] = await manager.query(
      `WITH stopped AS (
         UPDATE work_logs SET ended_at = $4::timestamptz, duration_seconds = $3 * 3600, auto_stopped_at = now(), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 AND ended_at IS NULL AND source <> 'adjustment'
         RETURNING engagement_id, assistant_id, started_at)
       SELECT s.engagement_id AS "engagementId", e.name AS "engagementName", t.name AS "tenantName", s.started_at AS "startedAt",
              u.email, u.locale, u.display_name AS "displayName", s.assistant_id AS "assistantId"
       FROM stopped s JOIN engagements e ON e.tenant_id = $1 AND e.id = s.engagement_id
       JOIN tenants t ON t.id = $1 JOIN users u ON u.id = s.assistant_id`,
      [tenantId, id, limitHours, running.endedAt],
    );
    if (!timer) return null;
    const payload = {
      recipientName: timer.displayName,
      tenantName: timer.tenantName,
      engagementName: timer.engagementName,
      limitHours,
      startedAt: formatUtc(timer.startedAt),
      url: this.url(`/work-logs/${id}`),
    };
    await insertNotifications(manager, [
      {
        tenantId,
        template: 'timer_auto_stopped',
        recipientEmail: timer.email,
        recipientUserId: timer.assistantId,
        locale: timer.locale,
        payload,
      },
    ]);
    await insertAuditEvent(manager, {
      tenantId,
      actorUserId: null,
      action: 'timer.auto_stopped',
      entityType: 'work_log',
      entityId: id,
      change: { limitHours },
    });
    return 'stopped';
  }
}
