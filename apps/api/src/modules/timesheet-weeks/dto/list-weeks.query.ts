import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WEEK_STATUSES } from '@candor/domain';
import { EngagementPersonQuery } from '../../../common/engagement-person.query';

export class ListWeeksQuery extends EngagementPersonQuery {
  @ApiPropertyOptional({ enum: WEEK_STATUSES })
  @IsOptional()
  @IsIn(WEEK_STATUSES, { message: `status must be one of ${WEEK_STATUSES.join(', ')}` })
  status?: (typeof WEEK_STATUSES)[number];
}
