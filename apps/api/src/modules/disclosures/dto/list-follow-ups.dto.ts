import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DISCLOSURE_CATEGORIES, FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES } from '@candor/domain';

export class ListFollowUpsQuery {
  @ApiPropertyOptional({ enum: FOLLOW_UP_STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(FOLLOW_UP_STATUSES, { message: `status must be one of ${FOLLOW_UP_STATUSES.join(', ')}` })
  status?: (typeof FOLLOW_UP_STATUSES)[number];

  @ApiPropertyOptional({ enum: FOLLOW_UP_KINDS })
  @IsOptional()
  @IsIn(FOLLOW_UP_KINDS, { message: `kind must be one of ${FOLLOW_UP_KINDS.join(', ')}` })
  kind?: (typeof FOLLOW_UP_KINDS)[number];
}

export class FollowUpListItemResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: string;
  @ApiProperty({ enum: FOLLOW_UP_STATUSES }) status: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty() disclosureId: string;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty() clientName: string;
}
