import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { INVOICE_PREFIX_PATTERN, LOCALE_PATTERN } from '@candor/domain';

export class TenantSettingsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 24, description: 'a running timer is stopped after this many hours' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(24)
  timerLimitHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 168, description: 'disclose an error within this many hours of discovering it' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(168)
  disclosureDeadlineHours?: number;

  @ApiPropertyOptional({ description: 'a manager reviews each disclosure draft before it reaches the client' })
  @IsOptional()
  @IsBoolean()
  requireDisclosureReview?: boolean;

  @ApiPropertyOptional({ description: 'clients see staff names (otherwise "the team")' })
  @IsOptional()
  @IsBoolean()
  showStaffNames?: boolean;

  @ApiPropertyOptional({ description: 'owners, managers and assistants must sign in with a second factor (TOTP)' })
  @IsOptional()
  @IsBoolean()
  requireTwoFactorForStaff?: boolean;

  @ApiPropertyOptional({ example: 'INV', description: 'invoice numbers read <prefix>-<year>-0001 (letters, digits, dashes)' })
  @IsOptional()
  @Matches(INVOICE_PREFIX_PATTERN, { message: 'invoicePrefix must start with a letter and have at most 12 letters, digits or dashes' })
  invoicePrefix?: string;

  @ApiPropertyOptional({ example: 'CN', description: 'credit note numbers read <prefix>-<year>-0001' })
  @IsOptional()
  @Matches(INVOICE_PREFIX_PATTERN, { message: 'creditNotePrefix must start with a letter and have at most 12 letters, digits or dashes' })
  creditNotePrefix?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 120, description: 'an invoice falls due this many days after it is issued' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  invoiceDueDays?: number;

  @ApiPropertyOptional({ description: "client_members see their account's invoices (a client_admin always does)" })
  @IsOptional()
  @IsBoolean()
  clientMembersSeeInvoices?: boolean;

  @ApiPropertyOptional({ example: '1 Harbour Road, Bristol', description: "the agency's address on invoices" })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  invoiceAddress?: string;

  @ApiPropertyOptional({ example: 'GB123456789', description: "the agency's tax number on invoices" })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  invoiceTaxId?: string;

  @ApiPropertyOptional({ example: 'billing@agency.example', description: 'the billing email printed on invoices' })
  @IsOptional()
  @ValidateIf((_, v) => v !== '')
  @IsEmail({}, { message: 'invoiceEmail must be an email address (or empty)' })
  invoiceEmail?: string;
}

export class UpdateTenantDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'de' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'defaultLocale must look like en or zh-Hant' })
  defaultLocale?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'weeks and months are cut in this time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;

  @ApiPropertyOptional({ type: TenantSettingsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenantSettingsDto)
  settings?: TenantSettingsDto;
}
