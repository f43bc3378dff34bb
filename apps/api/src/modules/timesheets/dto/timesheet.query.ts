import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REPORT_PERIODS } from '@candor/domain';
import { IsIsoDate } from '../../../common/validation/iso-date';

export class TimesheetQuery {
  @ApiProperty({ enum: REPORT_PERIODS })
  @IsIn(REPORT_PERIODS, { message: 'period must be week or month' })
  period: (typeof REPORT_PERIODS)[number];

  @ApiProperty({ example: '2026-11-16', description: 'a Monday for a week, the first of the month for a month (tenant time zone)' })
  @IsIsoDate()
  start: string;
}
