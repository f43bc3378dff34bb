import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A timer started now; a manual entry (`CreateWorkLogDto`) adds its start and end. */
export class StartTimerDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiPropertyOptional({ example: 'Sorting the support inbox', description: 'what was done; required before the week is submitted' })
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

export class StopTimerDto {
  @ApiPropertyOptional({
    default: false,
    description: 'keep a timer that ran for less than a minute; without it such a timer is discarded (it would show as 0:00 h)',
  })
  @IsOptional()
  @IsBoolean()
  keepShort?: boolean;
}
