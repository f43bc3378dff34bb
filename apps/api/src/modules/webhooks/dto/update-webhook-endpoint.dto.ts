import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { CreateWebhookEndpointDto } from './create-webhook-endpoint.dto';

export class UpdateWebhookEndpointDto extends PartialType(CreateWebhookEndpointDto) {
  @ApiPropertyOptional({ description: 'false turns the endpoint off; true turns it on again and forgets its failures' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
