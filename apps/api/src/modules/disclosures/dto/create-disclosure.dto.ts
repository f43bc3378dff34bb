import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  DETECTED_BY,
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_SEVERITIES,
  type DetectedBy,
  type DisclosureCategory,
  type DisclosureSeverity,
} from '@candor/domain';
import { DisclosureTextDto } from './disclosure-text.dto';
import { DraftNextDto } from './draft-next.dto';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/**
 * A new draft. Client-facing words and internal notes come from DisclosureTextDto; the facts are required;
 * an offer and a next step may come with it (DraftNextDto).
 */
export class CreateDisclosureDto extends IntersectionType(OmitType(DisclosureTextDto, ['whatHappened'] as const), DraftNextDto) {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'engagementId must be an engagement id' })
  engagementId: string;

  @ApiProperty({ enum: DISCLOSURE_CATEGORIES })
  @IsIn(DISCLOSURE_CATEGORIES, { message: `category must be one of ${DISCLOSURE_CATEGORIES.join(', ')}` })
  category: DisclosureCategory;

  @ApiProperty({ enum: DISCLOSURE_SEVERITIES })
  @IsIn(DISCLOSURE_SEVERITIES, { message: `severity must be one of ${DISCLOSURE_SEVERITIES.join(', ')}` })
  severity: DisclosureSeverity;

  @ApiPropertyOptional({ enum: DETECTED_BY, default: 'self' })
  @IsOptional()
  @IsIn(DETECTED_BY, { message: `detectedBy must be one of ${DETECTED_BY.join(', ')}` })
  detectedBy?: DetectedBy;

  @ApiProperty({ example: '2026-11-20T09:00:00Z', description: 'when the error happened' })
  @IsIsoDateTime('occurredAt must be a date and time, e.g. 2026-11-20T09:00:00Z')
  occurredAt: string;

  @ApiProperty({ example: '2026-11-21T08:30:00Z', description: 'when we noticed it; the disclosure deadline counts from here' })
  @IsIsoDateTime('discoveredAt must be a date and time, e.g. 2026-11-21T08:30:00Z')
  discoveredAt: string;

  @ApiProperty({ description: 'the facts, in plain words, without excuses (client-facing)' })
  @IsString()
  @Matches(/\S/, { message: 'whatHappened must not be empty: say in plain words what went wrong' })
  @MaxLength(10000)
  whatHappened: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the deliverable of the same engagement this error is about (e.g. a missed deadline)',
  })
  @IsOptional()
  @IsUUID('4', { message: 'deliverableId must be a deliverable id' })
  deliverableId?: string;

  @ApiPropertyOptional({ type: [String], description: 'team members involved (internal; never shown to the client)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'involvedUserIds must hold user ids' })
  involvedUserIds?: string[];
}
