import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../../../common/page.query';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'disclosure', description: 'what kind of row: disclosure, work_log, engagement, ...' })
  @IsOptional()
  @Matches(/^[a-z_]{1,50}$/, { message: 'entityType must be a name like disclosure or work_log' })
  entityType?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('4', { message: 'entityId must be an id' })
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'who acted' })
  @IsOptional()
  @IsUUID('4', { message: 'actorId must be a user id' })
  actorId?: string;
}

export class AuditActorResponse {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

export class AuditApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AuditEventResponse {
  @ApiProperty() id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'null for the system (a scheduled sweep)' })
  actor: AuditActorResponse | null;
  @ApiProperty({
    type: AuditApiKeyResponse,
    nullable: true,
    description: "the integration's API key the change was made with (its creator is the actor); null for a person or the system",
  })
  apiKey: AuditApiKeyResponse | null;
  @ApiProperty({ example: 'disclosure.disclosed' }) action: string;
  @ApiProperty() entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) change: Record<string, unknown>;
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse] }) items: AuditEventResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
