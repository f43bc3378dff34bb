import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { withTenant } from '@candor/db';
import {
  eventsFor,
  isNotificationEvent,
  modeAllowed,
  NOTIFICATION_EVENTS,
  type Actor,
  type DeliveryMode,
  type NotificationEventName,
} from '@candor/domain';
import { verifyUnsubscribe } from '@candor/domain-node';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { audienceOf } from '../../common/client-view';
import { TenantContext } from '../../common/tenant-context';
import type { NotificationPreferenceResponse, UnsubscribeResponse } from './dto/notification-preference.response';
import { NotificationPreferencesRepository } from './notification-preferences.repository';

const NOT_VALID = 'This unsubscribe link is not valid';

/** A person's choice per kind of email, read and written in their own workspace only. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly tenant: TenantContext,
    private readonly repository: NotificationPreferencesRepository,
  ) {}

  async list(actor: Actor): Promise<NotificationPreferenceResponse[]> {
    const chosen = await this.repository.modes(this.tenant.manager, actor.tenantId, actor.userId);
    return this.eventsOf(actor).map((event) => ({
      event,
      mode: chosen.get(event) ?? 'immediate',
      required: NOTIFICATION_EVENTS[event].required,
    }));
  }

  async set(actor: Actor, event: string, mode: DeliveryMode): Promise<NotificationPreferenceResponse[]> {
    if (!isNotificationEvent(event) || !this.eventsOf(actor).includes(event))
      throw new NotFoundException(`There is no email "${event}" for your role`);
    if (!modeAllowed(event, mode)) {
      throw new BadRequestException(
        `This email cannot be turned off: it tells you about a mistake made on your work or asks for your decision. Choose the daily digest to get it once a day instead.`,
      );
    }
    await this.repository.upsert(this.tenant.manager, actor.tenantId, actor.userId, event, mode);
    return this.list(actor);
  }

  /** What a one-click link is for; 404 for a link that was not signed by us or whose person left. */
  preview(token: string): Promise<UnsubscribeResponse> {
    return this.withClaim(token, async (manager, claim, who) => ({
      event: claim.event,
      mode: (await this.repository.modes(manager, claim.tenantId, claim.userId)).get(claim.event) ?? 'immediate',
      ...who,
    }));
  }

  /** Turns off the one event the link names, nothing else; doing it twice is the same as once. */
  unsubscribe(token: string): Promise<UnsubscribeResponse> {
    return this.withClaim(token, async (manager, claim, who) => {
      await this.repository.upsert(manager, claim.tenantId, claim.userId, claim.event, 'off');
      return { event: claim.event, mode: 'off', ...who };
    });
  }

  private withClaim<T>(
    token: string,
    work: (
      manager: EntityManager,
      claim: { tenantId: string; userId: string; event: NotificationEventName },
      who: { tenantName: string; email: string },
    ) => Promise<T>,
  ): Promise<T> {
    const claim = verifyUnsubscribe(token, this.config.DATA_ENCRYPTION_KEY);
    if (!claim || !isNotificationEvent(claim.event) || !modeAllowed(claim.event, 'off')) throw new NotFoundException(NOT_VALID);
    const event = claim.event;
    return withTenant(this.dataSource, claim.tenantId, async (manager) => {
      const who = await this.repository.member(manager, claim.tenantId, claim.userId);
      if (!who) throw new NotFoundException(NOT_VALID);
      return work(manager, { ...claim, event }, who);
    });
  }

  private eventsOf(actor: Actor): NotificationEventName[] {
    return eventsFor(audienceOf(actor));
  }
}
