import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf } from 'class-validator';

export class CreateClientAccountDto {
  @ApiProperty({ example: 'Acme Ltd' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ example: 'billing@acme.example' })
  @IsOptional()
  @IsEmail({}, { message: 'billingEmail must be a valid email address' })
  billingEmail?: string;

  @ApiPropertyOptional({ description: 'internal notes, never shown to the client' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string;

  @ApiPropertyOptional({ example: '1 Main Street\n10115 Berlin', description: 'printed on invoices' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  billingAddress?: string;

  @ApiPropertyOptional({ example: 'DE123456789', description: "the client's VAT or tax number, printed on invoices" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  taxId?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '19', description: 'tax percent added to invoices; null for none' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, {
    message: 'taxRate must be a percent from 0 to 100 with at most two decimals, like 19 or 7.5',
  })
  taxRate?: string | null;

  @ApiPropertyOptional({ description: 'reverse charge: invoices carry no tax and say the client accounts for it' })
  @IsOptional()
  @IsBoolean()
  reverseCharge?: boolean;
}
