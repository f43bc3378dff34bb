import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { WEEK_STATUSES } from '@candor/domain';

export class ListWeeksQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  engagementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  assistantId?: string;

  @ApiPropertyOptional({ enum: WEEK_STATUSES })
  @IsOptional()
  @IsIn(WEEK_STATUSES, { message: `status must be one of ${WEEK_STATUSES.join(', ')}` })
  status?: (typeof WEEK_STATUSES)[number];
}
