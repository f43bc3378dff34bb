import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_STATUSES, type DisclosureCategory, type DisclosureStatus } from '@candor/domain';

export class ListDisclosuresQuery {
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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
