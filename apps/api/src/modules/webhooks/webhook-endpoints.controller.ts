import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@candor/domain';
import { CurrentActor, Policy } from '../../common/access.decorators';
import { CreateWebhookEndpointDto } from './dto/create-webhook-endpoint.dto';
import { ListWebhookDeliveriesQuery } from './dto/list-webhook-deliveries.query';
import { UpdateWebhookEndpointDto } from './dto/update-webhook-endpoint.dto';
import {
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
  WebhookEventResponse,
  WebhookSecretResponse,
} from './dto/webhook-endpoint.response';
import { WebhookEndpointsService } from './webhook-endpoints.service';

const NOT_FOUND = 'no such endpoint in this workspace';
const UNSAFE = 'the URL is malformed, not https in production, or resolves to a private, loopback or link-local address';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller()
export class WebhookEndpointsController {
  constructor(private readonly service: WebhookEndpointsService) {}

  @Get('webhook-endpoints')
  @Policy('read', 'Webhook')
  @ApiOperation({ summary: "The workspace's webhook endpoints (owner)" })
  @ApiOkResponse({ type: [WebhookEndpointResponse] })
  list(@CurrentActor() actor: Actor): Promise<WebhookEndpointResponse[]> {
    return this.service.list(actor);
  }

  @Post('webhook-endpoints')
  @Policy('create', 'Webhook')
  @ApiOperation({ summary: 'Registers an endpoint for some events; answers its signing secret, this once (owner)' })
  @ApiCreatedResponse({ type: WebhookSecretResponse })
  @ApiBadRequestResponse({ description: UNSAFE })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookSecretResponse> {
    return this.service.create(actor, dto);
  }

  @Get('webhook-endpoints/:id')
  @Policy('read', 'Webhook')
  @ApiOperation({ summary: 'One webhook endpoint (owner)' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointResponse> {
    return this.service.get(actor, id);
  }

  @Patch('webhook-endpoints/:id')
  @Policy('update', 'Webhook')
  @ApiOperation({ summary: 'Changes the URL, events or description, or turns the endpoint off or on again (owner)' })
  @ApiOkResponse({ type: WebhookEndpointResponse })
  @ApiBadRequestResponse({ description: UNSAFE })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointResponse> {
    return this.service.update(actor, id, dto);
  }

  @Delete('webhook-endpoints/:id')
  @HttpCode(204)
  @Policy('delete', 'Webhook')
  @ApiOperation({ summary: 'Removes the endpoint, its webhooks and its log (owner)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: NOT_FOUND })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  @Post('webhook-endpoints/:id/rotate-secret')
  @HttpCode(200)
  @Policy('update', 'Webhook')
  @ApiOperation({ summary: 'A new signing secret, shown once; the previous one keeps signing for the overlap (24 h) (owner)' })
  @ApiOkResponse({ type: WebhookSecretResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  rotate(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookSecretResponse> {
    return this.service.rotate(actor, id);
  }

  @Get('webhook-endpoints/:id/deliveries')
  @Policy('read', 'Webhook')
  @ApiOperation({ summary: "The endpoint's delivery log, newest attempt first (owner)" })
  @ApiOkResponse({ type: [WebhookDeliveryResponse] })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryResponse[]> {
    return this.service.deliveries(actor, id, query.limit ?? 50);
  }

  @Post('webhook-endpoints/:id/test')
  @HttpCode(202)
  @Policy('update', 'Webhook')
  @ApiOperation({ summary: 'Sends a webhook.test event to this endpoint (owner)' })
  @ApiAcceptedResponse({ type: WebhookEventResponse, description: 'written; the worker delivers it within seconds' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'the endpoint is turned off' })
  sendTest(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEventResponse> {
    return this.service.sendTest(actor, id);
  }

  @Post('webhook-events/:id/redeliver')
  @HttpCode(202)
  @Policy('update', 'Webhook')
  @ApiOperation({ summary: 'Sends a delivered or failed webhook again, with the same webhook-id (owner)' })
  @ApiAcceptedResponse({ type: WebhookEventResponse, description: 'back in the outbox; the worker delivers it within seconds' })
  @ApiNotFoundResponse({ description: 'no such webhook in this workspace' })
  @ApiConflictResponse({ description: 'the webhook is still on its way, or its endpoint is turned off' })
  redeliver(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEventResponse> {
    return this.service.redeliver(actor, id);
  }
}
