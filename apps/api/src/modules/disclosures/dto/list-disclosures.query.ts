import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_STATUSES, type DisclosureCategory, type DisclosureStatus } from '@candor/domain';
import { PageQuery } from '../../../common/page.query';

export class ListDisclosuresQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  engagementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  clientAccountId?: string;

  @ApiPropertyOptional({ enum: DISCLOSURE_STATUSES })
  @IsOptional()
  @IsIn(DISCLOSURE_STATUSES, { message: `status must be one of ${DISCLOSURE_STATUSES.join(', ')}` })
  status?: DisclosureStatus;

  @ApiPropertyOptional({ enum: DISCLOSURE_CATEGORIES })
  @IsOptional()
  @IsIn(DISCLOSURE_CATEGORIES, { message: `category must be one of ${DISCLOSURE_CATEGORIES.join(', ')}` })
  category?: DisclosureCategory;
}
