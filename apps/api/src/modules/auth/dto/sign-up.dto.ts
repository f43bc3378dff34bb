import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsTimeZone, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { LOCALE_PATTERN } from '@candor/domain';

export class SignUpDto {
  @ApiProperty({ example: 'Northwind Assistants' })
  @IsString()
  @Length(1, 200)
  tenantName: string;

  @ApiProperty({ example: 'northwind', description: 'lowercase letters, digits and dashes; 2-63 characters' })
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'tenantSlug must be 2-63 lowercase letters, digits or dashes' })
  tenantSlug: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ example: 'ada@northwind.example' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'locale must look like en or zh-Hant' })
  locale?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;
}
