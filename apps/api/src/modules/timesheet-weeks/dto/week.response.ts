import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WEEK_STATUSES } from '@candor/domain';
import { PersonResponse } from '../../engagements/dto/engagement.response';
import { WorkLogResponse } from '../../work-logs/dto/work-log.response';

export class WeekResponse {
  @ApiProperty() id: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty({ type: PersonResponse }) assistant: PersonResponse;
  @ApiProperty({ example: '2026-11-16' }) weekStart: string;
  @ApiProperty({ enum: WEEK_STATUSES }) status: string;
  @ApiProperty() submittedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ example: '12.50' }) totalHours: string;
  @ApiProperty({ example: '11.00' }) billableHours: string;
  @ApiProperty({ example: '495.00' }) billableAmount: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiPropertyOptional({ type: [WorkLogResponse], description: 'the entries, on the single-week view' }) entries?: WorkLogResponse[];
}
