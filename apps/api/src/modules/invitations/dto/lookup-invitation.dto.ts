import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';

export class LookupInvitationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'tenant must be a UUID' })
  tenant: string;

  @ApiProperty()
  @IsString()
  @Length(16, 200)
  token: string;
}
