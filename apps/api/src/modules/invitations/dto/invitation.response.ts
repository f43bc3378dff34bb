import { ApiProperty } from '@nestjs/swagger';
import { INVITABLE_ROLES, type InvitableRole } from '@candor/domain';

export class InvitationResponse {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: INVITABLE_ROLES }) role: InvitableRole;
  @ApiProperty({ type: String, nullable: true }) clientAccountId: string | null;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ type: Date, nullable: true }) acceptedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

/** What the accept page shows before the invitee sets a password. */
export class InvitationPreviewResponse {
  @ApiProperty() email: string;
  @ApiProperty({ enum: INVITABLE_ROLES }) role: InvitableRole;
  @ApiProperty() tenantName: string;
  @ApiProperty({ type: String, nullable: true }) clientName: string | null;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ example: 'nb', description: 'the language the inviter chose for you: the accept page opens in it' }) locale: string;
  @ApiProperty({ example: 'Europe/Oslo', description: "the workspace's time zone, the default for yours" }) tenantTimeZone: string;
  @ApiProperty({ description: 'true when the email already has a Candor account: the password must be its current one' })
  existingAccount: boolean;
}
