import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERABLE_STATUSES, type DeliverableStatus } from '@candor/domain';

export class ListDeliverablesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId?: string;

  @ApiPropertyOptional({ enum: DELIVERABLE_STATUSES })
  @IsOptional()
  @IsIn(DELIVERABLE_STATUSES, { message: `status must be one of ${DELIVERABLE_STATUSES.join(', ')}` })
  status?: DeliverableStatus;
}
