import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsIn, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { COMMENT_VISIBILITIES } from '@candor/domain';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

export class ProposeRemedyDto {
  @ApiPropertyOptional({ description: 'the remedy as proposed now; defaults to the one on the disclosure' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'remedyPlan must not be empty: say how we will put it right' })
  @MaxLength(10000)
  remedyPlan?: string;

  @ApiPropertyOptional({ example: '2026-11-25T17:00:00Z' })
  @IsOptional()
  @IsIsoDateTime('remedyDueAt must be a date and time, e.g. 2026-11-25T17:00:00Z')
  remedyDueAt?: string;
}

export class RequestRemedyChangesDto {
  @ApiProperty({ description: 'what the client would like changed' })
  @IsString()
  @Matches(/\S/, { message: 'comment must say what you would like changed' })
  @MaxLength(5000)
  comment: string;
}

export class ReturnToDraftDto {
  @ApiProperty({ description: 'what the author should change (internal)' })
  @IsString()
  @Matches(/\S/, { message: 'note must say what to change before this goes out' })
  @MaxLength(5000)
  note: string;
}

export class ResolveDisclosureDto {
  @ApiProperty({ description: 'what we did to put it right (client-facing)' })
  @IsString()
  @Matches(/\S/, { message: 'resolutionSummary must say what we did to put it right' })
  @MaxLength(10000)
  resolutionSummary: string;

  @ApiPropertyOptional({ description: 'what we changed so it does not happen again, in plain words (client-facing)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  preventionSummary?: string;
}

export class CheckInDto {
  @ApiProperty({ description: 'is it resolved for you?' })
  @IsBoolean({ message: 'resolved must be true or false' })
  resolved: boolean;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'how well we handled it' })
  @IsInt({ message: 'rating must be a whole number from 1 to 5' })
  @Min(1, { message: 'rating must be a whole number from 1 to 5' })
  @Max(5, { message: 'rating must be a whole number from 1 to 5' })
  rating: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class DisclosureCommentDto {
  @ApiProperty()
  @IsString()
  @Matches(/\S/, { message: 'body must not be empty' })
  @MaxLength(5000, { message: 'body must be at most 5000 characters' })
  body: string;

  @ApiPropertyOptional({ enum: COMMENT_VISIBILITIES, default: 'client', description: 'internal comments are for the team only' })
  @IsOptional()
  @IsIn(COMMENT_VISIBILITIES, { message: 'visibility must be client or internal' })
  visibility?: (typeof COMMENT_VISIBILITIES)[number];
}

export class CompleteFollowUpDto {
  @ApiProperty({ description: 'what came of it' })
  @IsString()
  @Matches(/\S/, { message: 'outcome must say what came of the follow-up' })
  @MaxLength(5000)
  outcome: string;
}

export class SkipFollowUpDto {
  @ApiProperty({ description: 'why this follow-up is not needed' })
  @IsString()
  @Matches(/\S/, { message: 'reason must say why the follow-up is skipped' })
  @MaxLength(2000)
  reason: string;
}
