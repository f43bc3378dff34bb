import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

export class UpdateWorkLogDto {
  @ApiPropertyOptional({ example: '2026-11-23T08:00:00Z' })
  @IsOptional()
  @IsIsoDateTime('startedAt must be a date and time like 2026-11-23T08:00:00Z')
  startedAt?: string;

  @ApiPropertyOptional({ example: '2026-11-23T09:30:00Z' })
  @IsOptional()
  @IsIsoDateTime('endedAt must be a date and time like 2026-11-23T09:30:00Z')
  endedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional({ description: 'why the entry changes; required once it has been submitted, and shown to the client' })
  @IsOptional()
  @IsString()
  @Length(3, 1000, { message: 'reason must be 3 to 1000 characters' })
  reason?: string;
}
