import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ENGAGEMENT_STATUSES } from '@candor/domain';
import { IsDecimalAmount } from '../../../common/validation/decimal-amount';
import { IsIsoDate } from '../../../common/validation/iso-date';
import { WorkingAgreementDto } from './working-agreement.dto';

export class CreateEngagementDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'clientAccountId must be a client account id' })
  clientAccountId: string;

  @ApiProperty({ example: 'Inbox and calendar management' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ enum: ENGAGEMENT_STATUSES, default: 'active' })
  @IsOptional()
  @IsIn(ENGAGEMENT_STATUSES, { message: `status must be one of ${ENGAGEMENT_STATUSES.join(', ')}` })
  status?: (typeof ENGAGEMENT_STATUSES)[number];

  @ApiProperty({ example: 'EUR', description: 'ISO 4217 code' })
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR or USD' })
  currency: string;

  @ApiProperty({ example: '45.00', description: 'hourly rate in the currency, a decimal string; applies from today' })
  @IsDecimalAmount('hourlyRate')
  hourlyRate: string;

  @ApiPropertyOptional({ default: 2, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'includedRevisionRounds must be a whole number' })
  @Min(0)
  @Max(100)
  includedRevisionRounds?: number;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsIsoDate()
  deadline?: string;

  @ApiPropertyOptional({ example: '20', description: 'prepaid hours per month (a retainer)' })
  @IsOptional()
  @IsDecimalAmount('retainerHoursPerMonth', { integerDigits: 5, positive: true })
  retainerHoursPerMonth?: string;

  @ApiPropertyOptional({ example: '800', description: "the retainer's fee per month, invoiced with the hours beyond it" })
  @IsOptional()
  @IsDecimalAmount('retainerMonthlyFee')
  retainerMonthlyFee?: string;

  @ApiPropertyOptional({ example: '60', description: 'the price of one billable revision round (beyond the included ones)' })
  @IsOptional()
  @IsDecimalAmount('revisionRoundPrice')
  revisionRoundPrice?: string;

  @ApiPropertyOptional({ type: WorkingAgreementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkingAgreementDto)
  workingAgreement?: WorkingAgreementDto;

  @ApiPropertyOptional({ description: 'confidentiality terms the client_admin accepts' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  confidentialityTerms?: string;

  @ApiPropertyOptional({ type: [String], description: 'user ids of the assistants who may log time here' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'assistantIds must hold user ids' })
  assistantIds?: string[];
}
