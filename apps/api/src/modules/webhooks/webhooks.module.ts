import { Global, Module } from '@nestjs/common';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookEvents } from './webhook-events';

/** Global: every feature's service emits its events through WebhookEvents, in its own transaction. */
@Global()
@Module({
  controllers: [WebhookEndpointsController],
  providers: [WebhookEndpointsService, WebhookEndpointsRepository, WebhookEvents],
  exports: [WebhookEvents],
})
export class WebhooksModule {}
