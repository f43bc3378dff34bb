import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RequestChangesDto {
  @ApiProperty({ description: 'what the client would like changed' })
  @IsString({ message: 'comment must say what you would like changed' })
  @Matches(/\S/, { message: 'comment must say what you would like changed' })
  @MaxLength(5000, { message: 'comment must be at most 5000 characters' })
  comment: string;
}
