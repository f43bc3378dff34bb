import { ApiProperty } from '@nestjs/swagger';
import { WORK_LOG_STATUSES } from '@candor/domain';
import { PersonResponse } from '../../engagements/dto/engagement.response';

export class WorkLogResponse {
  @ApiProperty() id: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty({ type: PersonResponse, nullable: true, description: 'null where a client sees "the team" (time spent fixing our error)' })
  assistant: PersonResponse | null;
  @ApiProperty({ enum: ['timer', 'manual', 'adjustment'] }) source: string;
  @ApiProperty({ enum: WORK_LOG_STATUSES }) status: string;
  @ApiProperty() running: boolean;
  @ApiProperty() startedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) endedAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'negative for an adjusting entry that takes time off' })
  durationSeconds: number | null;
  @ApiProperty({ example: '1.50' }) hours: string;
  @ApiProperty() notes: string;
  @ApiProperty() billable: boolean;
  @ApiProperty({ example: '45.00' }) hourlyRate: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: '67.50', description: 'hours x rate when billable, else 0.00' }) amount: string;
  @ApiProperty({ description: 'time spent fixing our own error, at no charge' }) fixedAtNoCharge: boolean;
  @ApiProperty({ type: String, nullable: true }) weekId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the locked entry this one corrects' }) adjustsId: string | null;
  @ApiProperty({ type: String, nullable: true }) disclosureId: string | null;
  @ApiProperty({ type: Date, nullable: true, description: 'set when the worker stopped a forgotten timer' }) autoStoppedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class WorkLogPageResponse {
  @ApiProperty({ type: [WorkLogResponse] }) items: WorkLogResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

export class StoppedTimerResponse extends WorkLogResponse {
  @ApiProperty({ description: 'true when the timer ran for less than a minute and was discarded: the entry no longer exists' })
  discarded: boolean;
}

export class RunningTimerResponse {
  @ApiProperty({ type: WorkLogResponse, nullable: true }) timer: WorkLogResponse | null;
}

export class RevisionResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: PersonResponse }) changedBy: PersonResponse;
  @ApiProperty() reason: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) before: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) after: Record<string, unknown>;
  @ApiProperty() createdAt: Date;
}

export class CommentResponse {
  @ApiProperty() id: string;
  @ApiProperty({ type: PersonResponse }) author: PersonResponse;
  @ApiProperty({ enum: ['comment', 'dispute', 'dispute_reply'] }) kind: string;
  @ApiProperty({ enum: ['client', 'internal'] }) visibility: string;
  @ApiProperty() body: string;
  @ApiProperty() createdAt: Date;
}
