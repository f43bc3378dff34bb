import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/** A manual entry: start and end typed in by hand. */
export class CreateWorkLogDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiProperty({ example: '2026-11-23T08:00:00Z' })
  @IsIsoDateTime('startedAt must be a date and time like 2026-11-23T08:00:00Z')
  startedAt: string;

  @ApiProperty({ example: '2026-11-23T09:30:00Z' })
  @IsIsoDateTime('endedAt must be a date and time like 2026-11-23T09:30:00Z')
  endedAt: string;

  @ApiPropertyOptional({ example: 'Drafted the November newsletter', description: 'what was done; required before the week is submitted' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ default: true, description: 'always false for time spent fixing a disclosed error' })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'time spent putting right a disclosed error of this engagement: never billed, shown to the client as the team',
  })
  @IsOptional()
  @IsUUID('4', { message: 'disclosureId must be a disclosure id' })
  disclosureId?: string;
}
