import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/iso-date';

export const WORK_LOG_STATUSES = ['draft', 'submitted', 'disputed', 'locked'] as const;

export class ListWorkLogsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  engagementId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4')
  assistantId?: string;

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
