import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsWeekStart } from '../../../common/validation/iso-date';

export class SubmitWeekDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiProperty({ example: '2026-11-16', description: 'the Monday the week starts on, in the tenant time zone' })
  @IsWeekStart()
  weekStart: string;

  @ApiPropertyOptional({ format: 'uuid', description: "whose week (managers may submit an assistant's); defaults to the caller" })
  @IsOptional()
  @IsUUID('4')
  assistantId?: string;
}
