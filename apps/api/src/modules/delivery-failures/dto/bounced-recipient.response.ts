import { ApiProperty } from '@nestjs/swagger';

/** An address whose latest email failed permanently, with nothing delivered to it since. */
export class BouncedRecipientResponse {
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'the member with this address, if any' }) userId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: "the member's client account, for a client user" })
  clientAccountId: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the mail server's reply" }) reason: string | null;
  @ApiProperty({ format: 'uuid', description: 'the notification that bounced' }) notificationId: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
}
