import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hoursFor, isMonday, sumAmounts } from '@candor/domain';
import { presentWorkLog, type Audience } from '../work-logs/work-log.presenter';
import { WorkLogsRepository } from '../work-logs/work-logs.repository';
import type { TimesheetQuery } from './dto/timesheet.query';
import type { TimesheetResponse } from './dto/timesheet.response';

/**
 * One engagement's time for a week or a month, with totals. The JSON, the CSV and the printable
 * report are all drawn from this one object, so their totals cannot disagree.
 */
@Injectable()
export class TimesheetsService {
  constructor(private readonly workLogs: WorkLogsRepository) {}

  async build(manager: EntityManager, tenantId: string, engagementId: string, query: TimesheetQuery, audience: Audience): Promise<TimesheetResponse> {
    if (query.period === 'week' && !isMonday(query.start)) {
      throw new BadRequestException('start must be a Monday for a weekly timesheet (weeks start on Monday)');
    }
    if (query.period === 'month' && !query.start.endsWith('-01')) {
      throw new BadRequestException('start must be the first day of a month for a monthly timesheet, like 2026-11-01');
    }
    const [head]: {
      tenantName: string;
      timeZone: string;
      engagementName: string;
      clientName: string;
      currency: string;
      from: Date;
      to: Date;
      end: string;
    }[] = await manager.query(
      `WITH p AS (SELECT $3::date AS start, ($3::date + CASE WHEN $4 = 'week' THEN interval '7 days' ELSE interval '1 month' END)::date AS stop)
       SELECT t.name AS "tenantName", t.time_zone AS "timeZone", e.name AS "engagementName", c.name AS "clientName", e.currency,
              (p.start::timestamp AT TIME ZONE t.time_zone) AS "from", (p.stop::timestamp AT TIME ZONE t.time_zone) AS "to",
              to_char(p.stop - 1, 'YYYY-MM-DD') AS "end"
       FROM engagements e JOIN tenants t ON t.id = e.tenant_id JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
       CROSS JOIN p WHERE e.tenant_id = $1 AND e.id = $2`,
      [tenantId, engagementId, query.start, query.period],
    );
    if (!head) throw new Error(`engagement ${engagementId} vanished`);
    const rows = await this.workLogs.inPeriod(manager, tenantId, engagementId, head.from, head.to, audience === 'client');
    const entries = rows.map((row) => presentWorkLog(audience, row));
    const seconds = (keep: (e: (typeof rows)[number]) => boolean) => rows.filter(keep).reduce((sum, e) => sum + (e.durationSeconds ?? 0), 0);
    return {
      tenantName: head.tenantName,
      engagement: { id: engagementId, name: head.engagementName, clientName: head.clientName, currency: head.currency },
      period: { kind: query.period, start: query.start, end: head.end, timeZone: head.timeZone },
      entries,
      totals: {
        entryCount: entries.length,
        totalHours: hoursFor(seconds(() => true)),
        billableHours: hoursFor(seconds((e) => e.billable)),
        nonBillableHours: hoursFor(seconds((e) => !e.billable)),
        fixedAtNoChargeHours: hoursFor(seconds((e) => !e.billable && e.disclosureId !== null)),
        billableAmount: sumAmounts(entries.map((e) => e.amount)),
      },
    };
  }
}
