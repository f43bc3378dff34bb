import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** How the two sides agreed to work: expectations, how and when to talk, and what the assistant needs. */
export class WorkingAgreementDto {
  @ApiPropertyOptional({ example: 'Inbox zero every weekday by 17:00' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  expectations?: string;

  @ApiPropertyOptional({ example: 'Slack for quick questions, email for decisions; weekly call on Mondays' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  communication?: string;

  @ApiPropertyOptional({ example: 'Within 4 working hours' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  responseTimes?: string;

  @ApiPropertyOptional({ example: 'Access to the shared calendar and the brand guide' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  informationNeeded?: string;
}
