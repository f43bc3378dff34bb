import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { INVITABLE_ROLES, LOCALE_PATTERN, type InvitableRole } from '@candor/domain';

export class CreateInvitationDto {
  @ApiProperty({ example: 'sam@acme.example' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: INVITABLE_ROLES })
  @IsIn(INVITABLE_ROLES, { message: `role must be one of: ${INVITABLE_ROLES.join(', ')}` })
  role: InvitableRole;

  @ApiPropertyOptional({ description: 'required for client_admin and client_member, forbidden for staff roles' })
  @IsOptional()
  @IsUUID('all', { message: 'clientAccountId must be a UUID' })
  clientAccountId?: string;

  @ApiPropertyOptional({ description: "the invitee's language for the email; defaults to the workspace's" })
  @IsOptional()
  @Matches(LOCALE_PATTERN, { message: 'locale must look like en or zh-Hant' })
  locale?: string;
}
