import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class DeclineRevisionRequestDto {
  @ApiProperty({ description: 'why the team will not take on this billable round (shown to the client)' })
  @IsString({ message: 'reason must say why the request is declined' })
  @Matches(/\S/, { message: 'reason must say why the request is declined' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  reason: string;
}
