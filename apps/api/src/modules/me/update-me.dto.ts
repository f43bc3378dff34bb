import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsTimeZone, Length, Matches } from 'class-validator';
import { LOCALE_PATTERN } from '@candor/domain';

export class UpdateMeDto {
  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  displayName?: string;

  @ApiPropertyOptional({ example: 'ja', description: 'the language of the app and of your emails' })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'locale must look like en or zh-Hant' })
  locale?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Asia/Tokyo',
    description: "IANA time zone your emails show dates in; null goes back to the workspace's",
  })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Oslo or Asia/Tokyo' })
  timeZone?: string | null;
}
