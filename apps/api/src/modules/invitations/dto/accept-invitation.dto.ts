import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto {
  @ApiProperty()
  @IsUUID('all', { message: 'tenantId must be a UUID' })
  tenantId: string;

  @ApiProperty()
  @IsString()
  @Length(16, 200)
  token: string;

  @ApiProperty({ example: 'Sam Client' })
  @IsString()
  @Length(1, 120)
  displayName: string;

  @ApiProperty({ minLength: 12, description: 'the new password; for an existing account, its current password' })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' })
  @MaxLength(200)
  password: string;
}
