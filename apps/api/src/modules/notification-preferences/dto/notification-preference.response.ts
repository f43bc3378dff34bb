import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_MODES, NOTIFICATION_EVENT_NAMES, type DeliveryMode, type NotificationEventName } from '@candor/domain';

export class NotificationPreferenceResponse {
  @ApiProperty({ enum: NOTIFICATION_EVENT_NAMES }) event: NotificationEventName;
  @ApiProperty({ enum: DELIVERY_MODES }) mode: DeliveryMode;
  @ApiProperty({ description: 'true when the email must reach you (the digest is allowed, off is not)' }) required: boolean;
}

/** What a one-click unsubscribe link turns off, shown before and after it does. */
export class UnsubscribeResponse {
  @ApiProperty({ enum: NOTIFICATION_EVENT_NAMES }) event: NotificationEventName;
  @ApiProperty({ enum: DELIVERY_MODES }) mode: DeliveryMode;
  @ApiProperty() tenantName: string;
  @ApiProperty() email: string;
}
