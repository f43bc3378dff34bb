import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Scope } from '@candor/domain';
import { scopeWhere } from '@candor/db';

export interface WeekRow {
  id: string;
  engagementId: string;
  engagementName: string;
  clientAccountId: string;
  assistantId: string;
  assistantName: string;
  weekStart: string;
  status: 'submitted' | 'disputed' | 'approved';
  submittedAt: Date;
  decidedAt: Date | null;
  currency: string;
  totalSeconds: string;
  billableSeconds: string;
  billableAmount: string;
}

export interface WeekFilter {
  id?: string;
  engagementId?: string;
  assistantId?: string;
  status?: string;
}

/** Queries only: takes the tenant-scoped manager. */
@Injectable()
export class TimesheetWeeksRepository {
  /**
   * Weeks in `scope`. For a client, time spent fixing our errors is the team's, not part of anyone's
   * week: it is left out of the totals (it is never billed), as `WorkLogsRepository.byWeek` leaves it out.
   */
  find(manager: EntityManager, scope: Scope, filter: WeekFilter): Promise<WeekRow[]> {
    const params: unknown[] = [scope.tenantId];
    const p = (value: unknown) => `$${params.push(value)}`;
    const where = [
      'w.tenant_id = $1',
      scopeWhere(scope, { engagementId: 'w.engagement_id', clientAccountId: 'e.client_account_id' }, params),
    ];
    const teamFix = scope.kind === 'client_account' ? 'AND l.disclosure_id IS NULL' : '';
    if (filter.id) where.push(`w.id = ${p(filter.id)}`);
    if (filter.engagementId) where.push(`w.engagement_id = ${p(filter.engagementId)}`);
    if (filter.assistantId) where.push(`w.assistant_id = ${p(filter.assistantId)}`);
    if (filter.status) where.push(`w.status = ${p(filter.status)}`);
    return manager.query(
      `SELECT w.id, w.engagement_id AS "engagementId", e.name AS "engagementName", e.client_account_id AS "clientAccountId",
              w.assistant_id AS "assistantId", u.display_name AS "assistantName", to_char(w.week_start, 'YYYY-MM-DD') AS "weekStart",
              w.status, w.submitted_at AS "submittedAt", w.decided_at AS "decidedAt", e.currency,
              t.total AS "totalSeconds", t.billable AS "billableSeconds", t.amount::text AS "billableAmount"
       FROM timesheet_weeks w
       JOIN engagements e ON e.tenant_id = w.tenant_id AND e.id = w.engagement_id
       JOIN users u ON u.id = w.assistant_id
       CROSS JOIN LATERAL (
         SELECT COALESCE(sum(l.duration_seconds), 0) AS total,
                COALESCE(sum(l.duration_seconds) FILTER (WHERE l.billable), 0) AS billable,
                COALESCE(sum(round(l.duration_seconds * l.hourly_rate / 3600, 2)) FILTER (WHERE l.billable), 0) AS amount
         FROM work_logs l WHERE l.tenant_id = w.tenant_id AND l.week_id = w.id ${teamFix}
       ) t
       WHERE ${where.join(' AND ')}
       ORDER BY w.week_start DESC, e.name, w.id
       LIMIT 500`,
      params,
    );
  }

  /** Serialises decisions on one week (approve, dispute, resubmit). */
  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM timesheet_weeks WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  /** The week of one assistant on one engagement, locked for its submission. */
  async findLocked(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
    assistantId: string,
    weekStart: string,
  ): Promise<{ id: string; status: string } | undefined> {
    const [row]: { id: string; status: string }[] = await manager.query(
      `SELECT id, status FROM timesheet_weeks WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND week_start = $4 FOR UPDATE`,
      [tenantId, engagementId, assistantId, weekStart],
    );
    return row;
  }

  async insertSubmitted(
    manager: EntityManager,
    w: { tenantId: string; id: string; engagementId: string; assistantId: string; weekStart: string; submittedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO timesheet_weeks (tenant_id, id, engagement_id, assistant_id, week_start, status, submitted_by, submitted_at)
       VALUES ($1, $2, $3, $4, $5, 'submitted', $6, now())`,
      [w.tenantId, w.id, w.engagementId, w.assistantId, w.weekStart, w.submittedBy],
    );
  }

  async resubmit(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(`UPDATE timesheet_weeks SET submitted_at = now(), submitted_by = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
      userId,
    ]);
  }

  async approve(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE timesheet_weeks SET status = 'approved', decided_by = $3, decided_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId],
    );
  }

  async setDisputed(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`UPDATE timesheet_weeks SET status = 'disputed' WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** The UTC bounds of a week that starts on a Monday in the tenant's time zone. */
  async weekBounds(manager: EntityManager, tenantId: string, weekStart: string): Promise<{ from: Date; to: Date }> {
    const [bounds]: { from: Date; to: Date }[] = await manager.query(
      `SELECT ($2::date::timestamp AT TIME ZONE time_zone) AS "from", (($2::date + 7)::timestamp AT TIME ZONE time_zone) AS "to"
       FROM tenants WHERE id = $1`,
      [tenantId, weekStart],
    );
    return bounds;
  }
}
