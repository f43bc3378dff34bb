import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { defineAbilityFor, isDisclosed, type Actor } from '@candor/domain';
import { actorRef } from '../../common/actor-ref';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { CompensationOffersRepository } from './compensation-offers.repository';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { WebhookEvents } from '../webhooks/webhook-events';
import { DisclosureNotifier, formatUtc } from './disclosure.notifier';
import { presentOffer } from './disclosure.presenter';
import { DisclosuresRepository, type DisclosureRow, type OfferRow } from './disclosures.repository';
import { DisclosuresService, type DisclosureResponse } from './disclosures.service';
import type { CreateOfferDto, DeclineOfferDto } from './dto/create-offer.dto';

const DEFAULT_VALID_DAYS = 14;

/** Offers that make up for an error: made by the team, answered by the client's main contact, applied by the team. */
@Injectable()
export class CompensationOffersService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: DisclosuresRepository,
    private readonly offers: CompensationOffersRepository,
    private readonly disclosures: DisclosuresService,
    private readonly events: DisclosureEventsWriter,
    private readonly notifier: DisclosureNotifier,
    private readonly webhooks: WebhookEvents,
  ) {}

  async create(actor: Actor, disclosureId: string, dto: CreateOfferDto): Promise<DisclosureResponse> {
    const d = await this.disclosures.findWorkable(actor, disclosureId, true);
    if (d.status === 'closed') throw new ConflictException('This disclosure is closed; no new offers');
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : new Date(Date.now() + DEFAULT_VALID_DAYS * 86_400_000);
    if (expiresAt.getTime() <= Date.now() + 3_600_000) throw new BadRequestException('expiresAt must be at least an hour from now');
    const id = randomUUID();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a JSON body may carry a number here, which the validator accepts
    const value = dto.value === undefined || dto.value === null ? null : String(dto.value);
    const currency = dto.currency ?? null;
    const note = dto.note?.trim() ?? '';
    await this.offers.insert(this.tenant.manager, {
      tenantId: actor.tenantId,
      id,
      disclosureId,
      kind: dto.kind,
      value,
      currency,
      note,
      expiresAt,
      createdBy: actor.userId,
    });
    await this.events.record(actor, disclosureId, { action: 'offer_made', visibility: 'client', detail: { offerId: id, kind: dto.kind } });
    // Before disclosure the offer waits and goes out with the disclosure.
    if (isDisclosed(d.status)) {
      await this.notifier.send(actor.tenantId, d, 'client_admins', 'offer_made', {
        offerKind: dto.kind,
        value,
        currency,
        note,
        expiresAt: formatUtc(expiresAt),
      });
    }
    return this.disclosures.get(actor, disclosureId);
  }

  async accept(actor: Actor, id: string): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const { offer, disclosure } = await this.decidable(actor, id);
    await this.offers.accept(manager, actor.tenantId, id, actor.userId);
    await this.offers.addLedgerEntry(manager, {
      tenantId: actor.tenantId,
      clientAccountId: disclosure.clientAccountId,
      offerId: id,
      kind: offer.kind,
      value: offer.value,
      currency: offer.currency,
      description: `${disclosure.engagementName}: ${offer.kind.replaceAll('_', ' ')}`,
    });
    await this.events.record(actor, disclosure.id, { action: 'offer_accepted', visibility: 'client', detail: { offerId: id } });
    const [accepted] = await this.repository.offers(manager, await this.scopes.of(actor), { id });
    await this.webhooks.emit(manager, actor.tenantId, 'offer.accepted', presentOffer(accepted ?? offer));
    await this.notifier.send(
      actor.tenantId,
      disclosure,
      'team',
      'offer_accepted',
      this.offerVars(offer),
      await actorRef(this.tenant.manager, actor),
    );
    return this.disclosures.get(actor, disclosure.id);
  }

  async decline(actor: Actor, id: string, dto: DeclineOfferDto): Promise<DisclosureResponse> {
    const { offer, disclosure } = await this.decidable(actor, id);
    const reason = dto.reason?.trim() || null;
    await this.offers.decline(this.tenant.manager, actor.tenantId, id, actor.userId, reason);
    await this.events.record(actor, disclosure.id, { action: 'offer_declined', visibility: 'client', detail: { offerId: id } });
    await this.notifier.send(
      actor.tenantId,
      disclosure,
      'team',
      'offer_declined',
      { ...this.offerVars(offer), reason },
      await actorRef(this.tenant.manager, actor),
    );
    return this.disclosures.get(actor, disclosure.id);
  }

  async withdraw(actor: Actor, id: string): Promise<DisclosureResponse> {
    const { offer, disclosure } = await this.workable(actor, id);
    if (offer.status !== 'offered') throw new ConflictException(`This offer is ${offer.status}; only an open offer can be withdrawn`);
    await this.offers.withdraw(this.tenant.manager, actor.tenantId, id);
    await this.events.record(actor, disclosure.id, { action: 'offer_withdrawn', visibility: 'client', detail: { offerId: id } });
    return this.disclosures.get(actor, disclosure.id);
  }

  async apply(actor: Actor, id: string): Promise<DisclosureResponse> {
    const { offer, disclosure } = await this.workable(actor, id);
    if (offer.status !== 'accepted') throw new ConflictException(`This offer is ${offer.status}; only an accepted offer can be applied`);
    await this.offers.apply(this.tenant.manager, actor.tenantId, id, actor.userId);
    await this.events.record(actor, disclosure.id, { action: 'offer_applied', visibility: 'client', detail: { offerId: id } });
    return this.disclosures.get(actor, disclosure.id);
  }

  /** An open offer the caller, the client's main contact, may answer: 404 when hidden, 403 for anyone else. */
  private async decidable(actor: Actor, id: string): Promise<{ offer: OfferRow; disclosure: DisclosureRow }> {
    const found = await this.find(actor, id);
    if (!defineAbilityFor(actor).can('approve', { kind: 'CompensationOffer', clientAccountId: found.disclosure.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) accepts or declines an offer");
    }
    await this.lock(actor, id);
    const { offer, disclosure } = await this.find(actor, id);
    if (offer.status !== 'offered') throw new ConflictException(`This offer is already ${offer.status}`);
    if (offer.expiresAt.getTime() <= Date.now()) throw new ConflictException(`This offer expired ${formatUtc(offer.expiresAt)}`);
    return { offer, disclosure };
  }

  private async workable(actor: Actor, id: string): Promise<{ offer: OfferRow; disclosure: DisclosureRow }> {
    const { disclosure } = await this.find(actor, id);
    await this.disclosures.findWorkable(actor, disclosure.id, true);
    await this.lock(actor, id);
    return this.find(actor, id);
  }

  /** The offer and its disclosure, if the caller can see the disclosure (and, for clients, it is disclosed). */
  private async find(actor: Actor, id: string): Promise<{ offer: OfferRow; disclosure: DisclosureRow }> {
    const [offer] = await this.repository.offers(this.tenant.manager, await this.scopes.of(actor), { id });
    if (!offer) throw new NotFoundException('Offer not found');
    try {
      return { offer, disclosure: await this.disclosures.findVisible(actor, offer.disclosureId) };
    } catch (error) {
      if (error instanceof NotFoundException) throw new NotFoundException('Offer not found');
      throw error;
    }
  }

  private async lock(actor: Actor, id: string): Promise<void> {
    await this.offers.lock(this.tenant.manager, actor.tenantId, id);
  }

  private offerVars(offer: OfferRow) {
    return { offerKind: offer.kind, value: offer.value, currency: offer.currency, expiresAt: formatUtc(offer.expiresAt) };
  }
}
