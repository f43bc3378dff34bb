import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsInvoiceQuantity, IsUnitPrice } from './invoice-amounts.validation';

export const LINE_UNITS = ['hour', 'item', 'month', 'percent'] as const;

export class NewInvoiceLineDto {
  @ApiProperty({ example: 'Setting up the shared inbox' })
  @IsString()
  @Length(1, 500)
  description: string;

  @ApiProperty({ example: '2', description: 'never negative' })
  @IsInvoiceQuantity()
  quantity: string;

  @ApiProperty({ enum: LINE_UNITS })
  @IsIn(LINE_UNITS, { message: `unit must be one of ${LINE_UNITS.join(', ')}` })
  unit: (typeof LINE_UNITS)[number];

  @ApiProperty({ example: '45.00', description: 'negative for a discount' })
  @IsUnitPrice()
  unitPrice: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ChangedInvoiceLineDto {
  @ApiProperty()
  @IsUUID('4', { message: 'lineId must be a line id' })
  lineId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional({ example: '2' })
  @IsOptional()
  @IsInvoiceQuantity()
  quantity?: string;

  @ApiPropertyOptional({ example: '45.00' })
  @IsOptional()
  @IsUnitPrice()
  unitPrice?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Changes to a draft's lines, with the reason kept in its trail. */
export class EditInvoiceLinesDto {
  @ApiProperty({ example: 'Agreed on the phone: the setup is billed as two hours' })
  @IsString()
  @Length(1, 1000, { message: 'reason must say why (1 to 1000 characters)' })
  reason: string;

  @ApiPropertyOptional({ type: [NewInvoiceLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => NewInvoiceLineDto)
  add?: NewInvoiceLineDto[];

  @ApiPropertyOptional({ type: [ChangedInvoiceLineDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ChangedInvoiceLineDto)
  update?: ChangedInvoiceLineDto[];

  @ApiPropertyOptional({ type: [String], description: 'ids of lines to remove' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true, message: 'each removed line must be a line id' })
  remove?: string[];
}
