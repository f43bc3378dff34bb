import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isMonday, type Scope } from '@candor/domain';
import type { Audience } from '../../common/client-view';
import { presentWorkLog } from '../work-logs/work-log.presenter';
import { WorkLogsRepository } from '../work-logs/work-logs.repository';
import type { TimesheetQuery } from './dto/timesheet.query';
import type { TimesheetResponse } from './dto/timesheet.response';
import { csvHeader, csvRowLines, csvTotals } from './timesheet.csv';
import { TimesheetTotals } from './timesheet-totals';
import { foundInScope } from '../../common/scoped-lookup';
import { TimesheetsRepository, type TimesheetHead } from './timesheets.repository';

/**
 * Rows fetched per round trip when streaming a CSV. A batch's rows live until their lines are made;
 * on an API that has idled, V8's young generation is small (about 1 MB), and 250 rows outlived two
 * scavenges and were promoted (+171 MB over a 1M-row export). 50 rows die young (+23 MB) and the
 * round trips cost no time that could be measured.
 */
const CSV_BATCH = 50;

/**
 * One engagement's time for a week or a month, with totals: the time the client may see (submitted
 * and later), for staff and clients alike, since the timesheet is the document the client gets.
 * Staff find their drafts on their workspace. The JSON, the CSV, the printable report and a share
 * link are all drawn from the same query, so their lines and totals cannot disagree.
 */
@Injectable()
export class TimesheetsService {
  constructor(
    private readonly workLogs: WorkLogsRepository,
    private readonly timesheets: TimesheetsRepository,
  ) {}

  async build(
    manager: EntityManager,
    scope: Scope,
    engagementId: string,
    query: TimesheetQuery,
    audience: Audience,
  ): Promise<TimesheetResponse> {
    assertPeriodStart(query);
    const { head, entries: rows } = foundInScope(await this.timesheets.withEntries(manager, scope, engagementId, query), 'Engagement');
    const entries = rows.map((row) => presentWorkLog(audience, row));
    return {
      tenantName: head.tenantName,
      engagement: { id: engagementId, name: head.engagementName, clientName: head.clientName, currency: head.currency },
      period: { kind: query.period, start: query.start, end: head.end, timeZone: head.timeZone },
      entries,
      totals: new TimesheetTotals().add(entries).result(),
    };
  }

  /**
   * The timesheet as CSV, written a batch at a time as it is read (memory stays flat for any
   * period); `write` resolves when the reader is ready for more.
   */
  async writeCsv(
    manager: EntityManager,
    scope: Scope,
    engagementId: string,
    query: TimesheetQuery,
    audience: Audience,
    write: (chunk: string) => Promise<void>,
  ): Promise<void> {
    const head = await this.head(manager, scope, engagementId, query);
    const totals = new TimesheetTotals();
    await write(csvHeader());
    await this.workLogs.eachClientVisibleInPeriod(manager, scope, engagementId, head, CSV_BATCH, (rows) =>
      write(csvRowLines(rows, audience, head.timeZone, head.tenantName, totals)),
    );
    await write(csvTotals(totals.result(), head.currency, head.timeZone));
  }

  /** The period's bounds in the tenant's time zone and the names a timesheet shows; 404 for an engagement outside `scope`. */
  private async head(manager: EntityManager, scope: Scope, engagementId: string, query: TimesheetQuery): Promise<TimesheetHead> {
    assertPeriodStart(query);
    return foundInScope(await this.timesheets.head(manager, scope, engagementId, query), 'Engagement');
  }
}

/** A week starts on a Monday, a month on its first day (400 otherwise). */
function assertPeriodStart(query: TimesheetQuery): void {
  if (query.period === 'week' && !isMonday(query.start)) {
    throw new BadRequestException('start must be a Monday for a weekly timesheet (weeks start on Monday)');
  }
  if (query.period === 'month' && !query.start.endsWith('-01')) {
    throw new BadRequestException('start must be the first day of a month for a monthly timesheet, like 2026-11-01');
  }
}
