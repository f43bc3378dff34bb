import { hoursFor } from '@candor/domain';
import type { WeekResponse } from './dto/week.response';
import type { WeekRow } from './timesheet-weeks.repository';

/** A week as staff and client users see it (its entries are shaped per audience by the work-log presenter). */
export const presentWeek = (row: WeekRow): WeekResponse => ({
  id: row.id,
  engagementId: row.engagementId,
  engagementName: row.engagementName,
  assistant: { id: row.assistantId, displayName: row.assistantName },
  weekStart: row.weekStart,
  status: row.status,
  submittedAt: row.submittedAt,
  decidedAt: row.decidedAt,
  totalHours: hoursFor(Number(row.totalSeconds)),
  billableHours: hoursFor(Number(row.billableSeconds)),
  billableAmount: Number(row.billableAmount) === 0 ? '0.00' : row.billableAmount,
  currency: row.currency,
});
