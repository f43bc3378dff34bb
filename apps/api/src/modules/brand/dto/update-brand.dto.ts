import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { BRAND_COLOR_PATTERN } from '@candor/domain';

const set = (_: unknown, v: unknown) => v !== null && v !== undefined;
// A name that goes into a mail header or a page title: one line, no angle brackets or quotes to escape from.
const ONE_LINE = /^[^\r\n<>"]*\S[^\r\n<>"]*$/;

/** The owner's brand settings; each field left out is kept, and `null` puts Candor's default back. */
export class UpdateBrandDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'the name the portal, reports and emails show' })
  @ValidateIf(set)
  @IsString()
  @Matches(ONE_LINE, { message: 'displayName must be one line of text without <, > or "' })
  @MaxLength(100, { message: 'displayName must be at most 100 characters' })
  displayName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '#1f5fa8',
    description: 'six-digit hex; refused unless it keeps 4.5:1 contrast on the light backgrounds and under white button text',
  })
  @ValidateIf(set)
  @Matches(BRAND_COLOR_PATTERN, { message: 'primaryColor must be a six-digit hex colour such as #1f5fa8' })
  primaryColor?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100, description: 'the name emails come from' })
  @ValidateIf(set)
  @IsString()
  @Matches(ONE_LINE, { message: 'senderName must be one line of text without <, > or "' })
  @MaxLength(100, { message: 'senderName must be at most 100 characters' })
  senderName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'email', description: "where a client's reply to an email goes" })
  @ValidateIf(set)
  @IsEmail({}, { message: 'replyTo must be an email address' })
  @MaxLength(254, { message: 'replyTo must be at most 254 characters' })
  replyTo?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500, description: 'a line at the foot of every page, report and email' })
  @ValidateIf(set)
  @IsString()
  @Matches(/\S/, { message: 'footerText must not be empty' })
  @MaxLength(500, { message: 'footerText must be at most 500 characters' })
  footerText?: string | null;
}
