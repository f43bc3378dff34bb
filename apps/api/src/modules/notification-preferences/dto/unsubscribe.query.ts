import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class UnsubscribeQuery {
  @ApiProperty({ description: 'the signed token from the email' })
  @IsString()
  @Length(10, 1000, { message: 'token must be the one from your email' })
  token: string;
}
