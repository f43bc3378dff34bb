import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDateTime } from '../../../common/validation/iso-date';
import { StartTimerDto } from './start-timer.dto';

/** A manual entry: start and end typed in by hand. */
export class CreateWorkLogDto extends StartTimerDto {
  @ApiProperty({ example: '2026-11-23T08:00:00Z' })
  @IsIsoDateTime('startedAt must be a date and time like 2026-11-23T08:00:00Z')
  startedAt: string;

  @ApiProperty({ example: '2026-11-23T09:30:00Z' })
  @IsIsoDateTime('endedAt must be a date and time like 2026-11-23T09:30:00Z')
  endedAt: string;
}
