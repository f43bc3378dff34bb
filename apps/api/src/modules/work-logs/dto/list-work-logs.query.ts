import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WORK_LOG_STATUSES } from '@candor/domain';
import { EngagementPersonQuery } from '../../../common/engagement-person.query';
import { PageQuery } from '../../../common/page.query';
import { IsIsoDate } from '../../../common/validation/iso-date';

export class ListWorkLogsQuery extends IntersectionType(PageQuery, EngagementPersonQuery) {
  @ApiPropertyOptional({ enum: WORK_LOG_STATUSES })
  @IsOptional()
  @IsIn(WORK_LOG_STATUSES, { message: `status must be one of ${WORK_LOG_STATUSES.join(', ')}` })
  status?: (typeof WORK_LOG_STATUSES)[number];

  @ApiPropertyOptional({ example: '2026-11-01', description: 'first day, in the tenant time zone' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last day (inclusive), in the tenant time zone' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}
