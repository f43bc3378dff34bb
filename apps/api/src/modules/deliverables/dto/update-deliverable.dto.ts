import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/** A changed due date is a new promise: its reminder and late notice may go out again. */
export class UpdateDeliverableDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID('4', { message: 'assigneeId must be a user id, or null' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-12-01T17:00:00Z' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsIsoDateTime('dueAt must be a date and time, e.g. 2026-12-01T17:00:00Z, or null')
  dueAt?: string | null;
}
