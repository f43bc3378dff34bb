import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';

export class MagicCodeDto {
  @ApiProperty({ description: 'the challengeId answered by POST /auth/magic-link' })
  @IsUUID('4', { message: 'challengeId must be the id answered when you asked for the code' })
  challengeId: string;

  @ApiProperty({ description: 'the same browserKey sent when asking for the code' })
  @IsString()
  @Length(22, 200, { message: 'browserKey must be a random string of 22 to 200 characters' })
  browserKey: string;

  @ApiProperty({ example: '493021' })
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the email' })
  code: string;
}
