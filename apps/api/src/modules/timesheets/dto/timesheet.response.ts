import { ApiProperty } from '@nestjs/swagger';
import { REPORT_PERIODS } from '@candor/domain';
import { WorkLogResponse } from '../../work-logs/dto/work-log.response';

export class TimesheetEngagementResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
}

export class TimesheetPeriodResponse {
  @ApiProperty({ enum: REPORT_PERIODS }) kind: 'week' | 'month';
  @ApiProperty({ example: '2026-11-16' }) start: string;
  @ApiProperty({ example: '2026-11-22', description: 'last day, inclusive' }) end: string;
  @ApiProperty({ example: 'Europe/Berlin', description: 'days are cut in this time zone' }) timeZone: string;
}

export class TimesheetTotalsResponse {
  @ApiProperty() entryCount: number;
  @ApiProperty({ example: '12.50' }) totalHours: string;
  @ApiProperty({ example: '11.00' }) billableHours: string;
  @ApiProperty({ example: '1.50' }) nonBillableHours: string;
  @ApiProperty({ example: '0.50', description: 'time spent fixing our own errors, at no charge' }) fixedAtNoChargeHours: string;
  @ApiProperty({ example: '495.00', description: 'the sum of each billable entry hours x rate, to the cent' }) billableAmount: string;
}

export class TimesheetResponse {
  @ApiProperty() tenantName: string;
  @ApiProperty({ type: TimesheetEngagementResponse }) engagement: TimesheetEngagementResponse;
  @ApiProperty({ type: TimesheetPeriodResponse }) period: TimesheetPeriodResponse;
  @ApiProperty({ type: [WorkLogResponse] }) entries: WorkLogResponse[];
  @ApiProperty({ type: TimesheetTotalsResponse }) totals: TimesheetTotalsResponse;
}
