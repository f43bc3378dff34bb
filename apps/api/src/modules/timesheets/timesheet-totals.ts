import { fromCents, hoursFor, toCents } from '@candor/domain';
import type { WorkLogResponse } from '../work-logs/dto/work-log.response';
import type { TimesheetTotalsResponse } from './dto/timesheet.response';

/** Adds up a timesheet's entries, all at once or a batch at a time; the figures are the same either way. */
export class TimesheetTotals {
  private count = 0;
  private total = 0;
  private billable = 0;
  private fixedAtNoCharge = 0;
  private cents = 0n;

  add(entries: WorkLogResponse[]): this {
    for (const e of entries) this.addEntry(e);
    return this;
  }

  /** One entry: its counted seconds, whether they bill, whether it fixes a disclosed error, its amount. */
  addEntry(e: { durationSeconds: number | null; billable: boolean; disclosureId: string | null; amount: string }): this {
    const seconds = e.durationSeconds ?? 0;
    this.count += 1;
    this.total += seconds;
    if (e.billable) this.billable += seconds;
    else if (e.disclosureId !== null) this.fixedAtNoCharge += seconds;
    this.cents += toCents(e.amount);
    return this;
  }

  result(): TimesheetTotalsResponse {
    return {
      entryCount: this.count,
      totalHours: hoursFor(this.total),
      billableHours: hoursFor(this.billable),
      nonBillableHours: hoursFor(this.total - this.billable),
      fixedAtNoChargeHours: hoursFor(this.fixedAtNoCharge),
      billableAmount: fromCents(this.cents),
    };
  }
}
