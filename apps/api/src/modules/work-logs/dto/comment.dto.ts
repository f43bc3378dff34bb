import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CreateCommentDto {
  @ApiProperty({ example: 'Thanks, that matches my calendar.' })
  @IsString()
  @Length(1, 5000, { message: 'body must be 1 to 5000 characters' })
  body: string;
}
