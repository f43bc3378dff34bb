import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/iso-date';
import { IsPositiveAmount } from './invoice-amounts.validation';

export class VoidInvoiceDto {
  @ApiProperty({ example: 'Issued to the wrong client' })
  @IsString()
  @Length(1, 1000, { message: 'reason must say why (1 to 1000 characters)' })
  reason: string;
}

export class RecordPaymentDto {
  @ApiProperty({ example: '2026-04-10', description: 'the day the money arrived (not in the future)' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: '250.00', description: 'at most what is still owed' })
  @IsPositiveAmount('amount')
  amount: string;

  @ApiProperty({ example: 'bank transfer' })
  @IsString()
  @Length(1, 100, { message: 'method must name how it was paid (1 to 100 characters)' })
  method: string;
}

export class CreditedLineDto {
  @ApiProperty()
  @IsUUID('4', { message: 'lineId must be a line of the invoice' })
  lineId: string;

  @ApiProperty({ example: '40.00', description: 'the amount credited on this line, before tax; at most what remains of it' })
  @IsPositiveAmount('amount')
  amount: string;
}

export class CreateCreditNoteDto {
  @ApiProperty({ example: 'Two hours were billed twice' })
  @IsString()
  @Length(1, 1000, { message: 'reason must say why (1 to 1000 characters)' })
  reason: string;

  @ApiPropertyOptional({ type: [CreditedLineDto], description: 'lines to credit in part; leave out to credit all that remains' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CreditedLineDto)
  lines?: CreditedLineDto[];
}
