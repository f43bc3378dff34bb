import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/iso-date';

export class CreateInvoiceDto {
  @ApiProperty({ description: 'the client account billed' })
  @IsUUID('4', { message: 'clientAccountId must be a client account id' })
  clientAccountId: string;

  @ApiProperty({ example: '2026-03-01', description: 'first day of the period (the tenant time zone)' })
  @IsIsoDate()
  periodStart: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day of the period' })
  @IsIsoDate()
  periodEnd: string;

  @ApiPropertyOptional({ type: [String], description: "engagements to bill (default: all of the account's in the currency)" })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('4', { each: true, message: 'each engagementId must be an engagement id' })
  engagementIds?: string[];

  @ApiPropertyOptional({ example: 'EUR', description: 'needed when the account bills in several currencies: one currency per invoice' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ description: 'printed on the invoice' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
