import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepared, scopeWhere } from '@candor/db';
import type { Scope } from '@candor/domain';
import type { TimesheetQuery } from './dto/timesheet.query';

/** The names a timesheet shows and its period's bounds in the tenant's time zone. */
export interface TimesheetHead {
  tenantName: string;
  timeZone: string;
  engagementName: string;
  clientName: string;
  currency: string;
  from: Date;
  to: Date;
  end: string;
}

/** The timesheet's own reads (its lines come from the work-logs repository); takes the tenant-scoped manager. */
@Injectable()
export class TimesheetsRepository {
  /** Undefined when the engagement is not there or outside `scope` (as EngagementsRepository.findOne scopes it). */
  async head(manager: EntityManager, scope: Scope, engagementId: string, query: TimesheetQuery): Promise<TimesheetHead | undefined> {
    const params: unknown[] = [scope.tenantId, engagementId, query.start, query.period];
    const inScope = scopeWhere(scope, { engagementId: 'e.id', clientAccountId: 'e.client_account_id' }, params);
    const [head]: TimesheetHead[] = await manager.query(
      prepared(`WITH p AS (SELECT $3::date AS start, ($3::date + CASE WHEN $4 = 'week' THEN interval '7 days' ELSE interval '1 month' END)::date AS stop)
       SELECT t.name AS "tenantName", t.time_zone AS "timeZone", e.name AS "engagementName", c.name AS "clientName", e.currency,
              (p.start::timestamp AT TIME ZONE t.time_zone) AS "from", (p.stop::timestamp AT TIME ZONE t.time_zone) AS "to",
              to_char(p.stop - 1, 'YYYY-MM-DD') AS "end"
       FROM engagements e JOIN tenants t ON t.id = e.tenant_id JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
       CROSS JOIN p WHERE e.tenant_id = $1 AND e.id = $2 AND ${inScope}`),
      params,
    );
    return head;
  }
}
