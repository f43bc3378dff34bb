import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { prepared, scopeWhere } from '@candor/db';
import type { Scope } from '@candor/domain';
import { COLUMNS } from '../work-logs/work-log.sql';
import { clientVisibleInPeriodQuery, type WorkLogRow } from '../work-logs/work-logs.repository';
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

/** The head's columns beside each entry: named apart from the entry's own (which has an engagementName too). */
interface HeadColumns {
  'head.tenantName': string;
  'head.timeZone': string;
  'head.engagementName': string;
  'head.clientName': string;
  'head.currency': string;
  'head.from': Date;
  'head.to': Date;
  'head.end': string;
}

/**
 * The head of an engagement's timesheet as the CTE `head` (one row, none when the engagement is not there
 * or outside `scope`, as EngagementsRepository.findOne scopes it); `params` gets its values ($1 to $4 first).
 */
function headCte(scope: Scope, engagementId: string, query: TimesheetQuery, params: unknown[]): string {
  params.push(scope.tenantId, engagementId, query.start, query.period);
  const inScope = scopeWhere(scope, { engagementId: 'e.id', clientAccountId: 'e.client_account_id' }, params);
  return `WITH p AS (SELECT $3::date AS start, ($3::date + CASE WHEN $4 = 'week' THEN interval '7 days' ELSE interval '1 month' END)::date AS stop),
  head AS MATERIALIZED (
    SELECT t.name AS "tenantName", t.time_zone AS "timeZone", e.name AS "engagementName", c.name AS "clientName", e.currency,
           (p.start::timestamp AT TIME ZONE t.time_zone) AS "from", (p.stop::timestamp AT TIME ZONE t.time_zone) AS "to",
           to_char(p.stop - 1, 'YYYY-MM-DD') AS "end"
    FROM engagements e JOIN tenants t ON t.id = e.tenant_id JOIN client_accounts c ON c.tenant_id = e.tenant_id AND c.id = e.client_account_id
    CROSS JOIN p WHERE e.tenant_id = $1 AND e.id = $2 AND ${inScope})`;
}

const HEAD_KEYS = ['tenantName', 'timeZone', 'engagementName', 'clientName', 'currency', 'from', 'to', 'end'] as const;

/** The timesheet's own reads (its lines are clientVisibleInPeriodQuery's); takes the tenant-scoped manager. */
@Injectable()
export class TimesheetsRepository {
  /** Undefined when the engagement is not there or outside `scope`. */
  async head(manager: EntityManager, scope: Scope, engagementId: string, query: TimesheetQuery): Promise<TimesheetHead | undefined> {
    const params: unknown[] = [];
    const [head]: TimesheetHead[] = await manager.query(
      prepared(`${headCte(scope, engagementId, query, params)} SELECT * FROM head`),
      params,
    );
    return head;
  }

  /**
   * The head and the period's entries in one statement (one round trip for the timesheet screen): the entries
   * of the head's period beside it, none when it has none; undefined as `head` is.
   */
  async withEntries(
    manager: EntityManager,
    scope: Scope,
    engagementId: string,
    query: TimesheetQuery,
  ): Promise<{ head: TimesheetHead; entries: WorkLogRow[] } | undefined> {
    const params: unknown[] = [];
    const head = headCte(scope, engagementId, query, params);
    const [entries] = clientVisibleInPeriodQuery(COLUMNS, scope, engagementId, { fromSql: 'head."from"', toSql: 'head."to"' }, params);
    const rows: (WorkLogRow & HeadColumns)[] = await manager.query(
      prepared(`${head}
       SELECT ${HEAD_KEYS.map((key) => `head."${key}" AS "head.${key}"`).join(', ')}, x.*
       FROM head LEFT JOIN LATERAL (${entries}) x ON TRUE ORDER BY x."startedAt", x.id`),
      params,
    );
    const [first] = rows;
    if (!first) return undefined;
    return {
      head: {
        tenantName: first['head.tenantName'],
        timeZone: first['head.timeZone'],
        engagementName: first['head.engagementName'],
        clientName: first['head.clientName'],
        currency: first['head.currency'],
        from: first['head.from'],
        to: first['head.to'],
        end: first['head.end'],
      },
      entries: rows.filter((row) => row.id !== null).map((row) => withoutHead(row)),
    };
  }
}

/** An entry without the head beside it (no per-key filtering: a month holds hundreds). */
function withoutHead({
  'head.tenantName': _tenantName,
  'head.timeZone': _timeZone,
  'head.engagementName': _engagementName,
  'head.clientName': _clientName,
  'head.currency': _currency,
  'head.from': _from,
  'head.to': _to,
  'head.end': _end,
  ...entry
}: WorkLogRow & HeadColumns): WorkLogRow {
  return entry;
}
