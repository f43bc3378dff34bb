import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsTimeZone, IsUUID, Length, MaxLength, MinLength } from 'class-validator';

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

  @ApiPropertyOptional({
    example: 'Asia/Tokyo',
    description: "a new account's time zone for dates in emails; absent means the workspace's",
  })
  @IsOptional()
  @IsTimeZone({ message: 'timeZone must be an IANA time zone such as Europe/Oslo or Asia/Tokyo' })
  timeZone?: string;
}
