import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** The secret from an emailed link. */
export class TokenDto {
  @ApiProperty({ description: 'the token from the emailed link' })
  @IsString()
  @Length(20, 200, { message: 'token must be the whole token from the link' })
  token: string;
}
