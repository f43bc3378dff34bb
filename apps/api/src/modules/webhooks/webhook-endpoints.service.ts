import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { emitWebhookEvent, insertAuditEvent } from '@candor/db';
import { WEBHOOK_TEST_EVENT, type Actor } from '@candor/domain';
import { checkWebhookUrl, hostMapResolver, newWebhookSecret, seal, WebhookUrlRefused } from '@candor/domain-node';
import { badInput } from '../../common/errors/api-error';
import { TenantContext } from '../../common/tenant-context';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import type { CreateWebhookEndpointDto } from './dto/create-webhook-endpoint.dto';
import type { UpdateWebhookEndpointDto } from './dto/update-webhook-endpoint.dto';
import type {
  WebhookDeliveryResponse,
  WebhookEndpointResponse,
  WebhookEventResponse,
  WebhookSecretResponse,
} from './dto/webhook-endpoint.response';
import { presentWebhookEndpoint } from './webhook-endpoint.presenter';
import { WebhookEndpointsRepository, type StoredSecret, type WebhookEndpointRow } from './webhook-endpoints.repository';

/** An owner's webhook endpoints: registration (URL checked against SSRF), secrets and their rotation, the log, redelivery. */
@Injectable()
export class WebhookEndpointsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: WebhookEndpointsRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async list(actor: Actor): Promise<WebhookEndpointResponse[]> {
    return (await this.repository.list(this.tenant.manager, actor.tenantId)).map(presentWebhookEndpoint);
  }

  async get(actor: Actor, id: string): Promise<WebhookEndpointResponse> {
    return presentWebhookEndpoint(await this.endpoint(actor, id));
  }

  async create(actor: Actor, dto: CreateWebhookEndpointDto): Promise<WebhookSecretResponse> {
    await this.checkUrl(dto.url);
    const id = randomUUID();
    const secret = newWebhookSecret();
    await this.repository.insert(this.tenant.manager, actor.tenantId, {
      id,
      url: dto.url,
      description: dto.description ?? '',
      events: dto.events,
      secrets: [this.stored(secret)],
      createdBy: actor.userId,
    });
    await this.audit(actor, 'webhook_endpoint.created', id, { url: dto.url, events: dto.events });
    return { endpoint: await this.get(actor, id), secret };
  }

  async update(actor: Actor, id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointResponse> {
    const before = await this.endpoint(actor, id, true);
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    await this.repository.update(this.tenant.manager, actor.tenantId, id, dto);
    await this.audit(actor, 'webhook_endpoint.updated', id, {
      before: { url: before.url, events: before.events, status: before.status },
      ...dto,
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const before = await this.endpoint(actor, id, true);
    await this.repository.remove(this.tenant.manager, actor.tenantId, id);
    await this.audit(actor, 'webhook_endpoint.deleted', id, { url: before.url });
  }

  /** A new secret, shown once; the others keep signing for the overlap, so receivers can switch without losing a webhook. */
  async rotate(actor: Actor, id: string): Promise<WebhookSecretResponse> {
    const endpoint = await this.endpoint(actor, id, true);
    const now = Date.now();
    const until = new Date(now + this.config.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000).toISOString();
    const kept = endpoint.secrets
      .filter((s) => s.expiresAt === null || new Date(s.expiresAt).getTime() > now)
      .map((s) => ({ ...s, expiresAt: s.expiresAt ?? until }));
    const secret = newWebhookSecret();
    await this.repository.setSecrets(this.tenant.manager, actor.tenantId, id, [this.stored(secret), ...kept]);
    await this.audit(actor, 'webhook_endpoint.secret_rotated', id, { previousSecretExpiresAt: until });
    return { endpoint: await this.get(actor, id), secret };
  }

  async deliveries(actor: Actor, id: string, limit: number): Promise<WebhookDeliveryResponse[]> {
    await this.endpoint(actor, id);
    return this.repository.deliveries(this.tenant.manager, actor.tenantId, id, limit);
  }

  /** A `webhook.test` event to this endpoint only, whatever it subscribes to. */
  async sendTest(actor: Actor, id: string): Promise<WebhookEventResponse> {
    const endpoint = await this.endpoint(actor, id);
    if (endpoint.status !== 'active') throw new ConflictException('This endpoint is turned off; turn it on to send a test event');
    const data = { endpointId: id, message: 'A test event from Candor: your endpoint receives and verifies webhooks.' };
    const [eventId] = await emitWebhookEvent(this.tenant.manager, actor.tenantId, WEBHOOK_TEST_EVENT, data, id);
    return this.event(actor, eventId);
  }

  /** Sends a delivered or failed webhook again with the same webhook-id (receivers dedupe on it). */
  async redeliver(actor: Actor, eventId: string): Promise<WebhookEventResponse> {
    const event = await this.event(actor, eventId);
    const endpoint = await this.endpoint(actor, event.endpointId);
    if (endpoint.status !== 'active') throw new ConflictException('This endpoint is turned off; turn it on to send the webhook again');
    if (!(await this.repository.redeliver(this.tenant.manager, actor.tenantId, eventId))) {
      throw new ConflictException('This webhook is still on its way or being retried, so it cannot be sent again now');
    }
    await this.audit(actor, 'webhook_event.redelivered', eventId, { type: event.type, endpointId: event.endpointId });
    return this.event(actor, eventId);
  }

  private async event(actor: Actor, id: string): Promise<WebhookEventResponse> {
    const event = await this.repository.findEvent(this.tenant.manager, actor.tenantId, id);
    if (!event) throw new NotFoundException('No such webhook in this workspace');
    return event;
  }

  private async endpoint(actor: Actor, id: string, lock = false): Promise<WebhookEndpointRow> {
    const endpoint = await this.repository.find(this.tenant.manager, actor.tenantId, id, lock);
    if (!endpoint) throw new NotFoundException('No such webhook endpoint in this workspace');
    return endpoint;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await checkWebhookUrl(url, {
        httpsOnly: this.config.NODE_ENV === 'production',
        allowedNetworks: this.config.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
        resolve: hostMapResolver(this.config.WEBHOOK_HOSTS),
      });
    } catch (error) {
      if (error instanceof WebhookUrlRefused) throw badInput('unsafe_url', 'url', error.message);
      throw error;
    }
  }

  private stored(secret: string): StoredSecret {
    return { sealed: seal(secret, this.config.DATA_ENCRYPTION_KEY), createdAt: new Date().toISOString(), expiresAt: null };
  }

  private audit(actor: Actor, action: string, entityId: string, change: Record<string, unknown>): Promise<void> {
    const entityType = action.startsWith('webhook_event') ? 'webhook_event' : 'webhook_endpoint';
    return insertAuditEvent(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType,
      entityId,
      change,
    });
  }
}
