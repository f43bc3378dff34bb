import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
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
import { NullMeansUnchanged } from '../../../common/errors/hostile-input.pipe';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/**
 * Changes to a disclosure. What the client has read stays as they read it: the facts are editable
 * until disclosure, the remedy until it is proposed, internal notes until the disclosure is closed.
 * A null reads as "no change", except for remedyDueAt, which it clears. An offer and a next step may come with it.
 */
@NullMeansUnchanged()
export class UpdateDisclosureDto extends IntersectionType(DisclosureTextDto, DraftNextDto) {
  @ApiPropertyOptional({ enum: DISCLOSURE_CATEGORIES })
  @IsOptional()
  @IsIn(DISCLOSURE_CATEGORIES, { message: `category must be one of ${DISCLOSURE_CATEGORIES.join(', ')}` })
  category?: DisclosureCategory;

  @ApiPropertyOptional({ enum: DISCLOSURE_SEVERITIES })
  @IsOptional()
  @IsIn(DISCLOSURE_SEVERITIES, { message: `severity must be one of ${DISCLOSURE_SEVERITIES.join(', ')}` })
  severity?: DisclosureSeverity;

  @ApiPropertyOptional({ enum: DETECTED_BY })
  @IsOptional()
  @IsIn(DETECTED_BY, { message: `detectedBy must be one of ${DETECTED_BY.join(', ')}` })
  detectedBy?: DetectedBy;

  @ApiPropertyOptional({ example: '2026-11-20T09:00:00Z' })
  @IsOptional()
  @IsIsoDateTime('occurredAt must be a date and time, e.g. 2026-11-20T09:00:00Z')
  occurredAt?: string;

  @ApiPropertyOptional({ example: '2026-11-21T08:30:00Z' })
  @IsOptional()
  @IsIsoDateTime('discoveredAt must be a date and time, e.g. 2026-11-21T08:30:00Z')
  discoveredAt?: string;

  @ApiPropertyOptional({ type: [String], description: 'replaces the team members involved (internal)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'involvedUserIds must hold user ids' })
  involvedUserIds?: string[];
}
