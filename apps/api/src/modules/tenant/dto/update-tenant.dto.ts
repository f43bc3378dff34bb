import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LOCALE_PATTERN } from '@candor/domain';

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
