import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDateTime } from '../../../common/validation/iso-date';

/** The words of a disclosure: client-facing first, then the internal ones a client never sees. */
export class DisclosureTextDto {
  @ApiPropertyOptional({ description: 'the facts, in plain words, without excuses (client-facing)' })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'whatHappened must not be empty: say in plain words what went wrong' })
  @MaxLength(10000)
  whatHappened?: string;

  @ApiPropertyOptional({ description: 'what it means for the client (client-facing)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  impact?: string;

  @ApiPropertyOptional({ description: 'a sincere apology (client-facing)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  apology?: string;

  @ApiPropertyOptional({ description: 'how we will put it right (client-facing)' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  remedyPlan?: string;

  @ApiPropertyOptional({ example: '2026-11-25T17:00:00Z', description: 'when the remedy will be done' })
  @IsOptional()
  @IsIsoDateTime('remedyDueAt must be a date and time, e.g. 2026-11-25T17:00:00Z')
  remedyDueAt?: string;

  @ApiPropertyOptional({ description: 'internal: why it happened' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  rootCause?: string;

  @ApiPropertyOptional({ description: 'internal: what made it more likely' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  contributingFactors?: string;

  @ApiPropertyOptional({ description: 'internal: what we could have done differently' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  lessonsLearned?: string;

  @ApiPropertyOptional({ description: 'internal: what we change so it does not happen again' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  preventiveActions?: string;
}
