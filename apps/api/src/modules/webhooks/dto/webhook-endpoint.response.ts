import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENT_TYPES } from '@candor/domain';

export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty({ enum: ['active', 'disabled'] }) status: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['owner', 'failing'],
    description: 'why it is off: turned off by the owner, or failing for days',
  })
  disabledReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'failing since this time (no success since)' })
  failingSince: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the previous secret stops signing (after a rotation)',
  })
  previousSecretExpiresAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class WebhookSecretResponse {
  @ApiProperty({ type: WebhookEndpointResponse }) endpoint: WebhookEndpointResponse;
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'the signing secret, shown this once' }) secret: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'the webhook-id header: the same on every attempt and redelivery' }) eventId: string;
  @ApiProperty({ example: 'disclosure.disclosed' }) type: string;
  @ApiProperty({ description: '1 for the first attempt' }) attempt: number;
  @ApiProperty() succeeded: boolean;
  @ApiProperty({ type: Number, nullable: true, description: "the endpoint's status code; null when it did not answer" }) responseStatus:
    number | null;
  @ApiProperty({ description: 'how long the attempt took' }) durationMs: number;
  @ApiProperty({ type: String, nullable: true, description: 'the first KiB of the answer' }) responseBody: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'why there was no usable answer (timeout, refused address, redirect)' }) error:
    string | null;
  @ApiProperty({ enum: ['pending', 'queued', 'sending', 'delivered', 'failed'], description: "the webhook's state now" })
  eventStatus: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when it is tried next, while being retried' })
  nextAttemptAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class WebhookEventResponse {
  @ApiProperty({ format: 'uuid', description: 'the webhook-id header' }) id: string;
  @ApiProperty({ format: 'uuid' }) endpointId: string;
  @ApiProperty() type: string;
  @ApiProperty({ enum: ['pending', 'queued', 'sending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
