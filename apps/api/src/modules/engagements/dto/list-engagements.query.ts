import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ENGAGEMENT_STATUSES } from '@candor/domain';

export class ListEngagementsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  clientAccountId?: string;

  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES })
  @IsOptional()
  @IsIn(ENGAGEMENT_STATUSES)
  status?: (typeof ENGAGEMENT_STATUSES)[number];
}
