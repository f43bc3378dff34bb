import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DISCLOSURE_CATEGORIES } from '@candor/domain';

const STATUSES = ['pending', 'done', 'skipped'] as const;
const KINDS = ['client_check_in', 'team_retrospective'] as const;

export class ListFollowUpsQuery {
  @ApiPropertyOptional({ enum: STATUSES, default: 'pending' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `kind must be one of ${KINDS.join(', ')}` })
  kind?: (typeof KINDS)[number];
}

export class FollowUpListItemResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: KINDS }) kind: string;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty() disclosureId: string;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty() clientName: string;
}
