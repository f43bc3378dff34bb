import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

export class CreateDeliverableDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiProperty({ example: 'Newsletter for March' })
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiPropertyOptional({ description: 'what the client will get' })
  @IsOptional()
  @IsString()
  @MaxLength(10000, { message: 'description must be at most 10000 characters' })
  description?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the team member who delivers it' })
  @IsOptional()
  @IsUUID('4', { message: 'assigneeId must be a user id' })
  assigneeId?: string;

  @ApiPropertyOptional({ example: '2026-12-01T17:00:00Z' })
  @IsOptional()
  @IsIsoDateTime('dueAt must be a date and time, e.g. 2026-12-01T17:00:00Z')
  dueAt?: string;
}
