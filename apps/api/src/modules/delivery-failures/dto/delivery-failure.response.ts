import { ApiProperty } from '@nestjs/swagger';

export class DeliveryFailureResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'the email template, e.g. disclosure.disclosed' }) event: string;
  @ApiProperty() recipientEmail: string;
  @ApiProperty({ type: String, nullable: true, description: 'the recipient, when they are a member of the workspace' }) recipientName:
    string | null;
  @ApiProperty({
    enum: ['failed', 'retrying', 'pending', 'queued', 'sending', 'sent'],
    description: 'failed for good, being retried, or (after send again) on its way',
  })
  state: string;
  @ApiProperty({ type: String, nullable: true, enum: ['temporary', 'permanent'] }) failureKind: string | null;
  @ApiProperty({ type: String, nullable: true, description: "the mail server's reply or the error of the last attempt" }) reason:
    string | null;
  @ApiProperty({ description: 'attempts since it was created or last sent again' }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it is tried next (retrying only)' })
  nextAttemptAt: Date | null;
  @ApiProperty({ description: 'how many times staff sent it again' }) resends: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class DeliveryFailurePageResponse {
  @ApiProperty({ type: [DeliveryFailureResponse] }) items: DeliveryFailureResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next (older) page' }) nextCursor: string | null;
}
