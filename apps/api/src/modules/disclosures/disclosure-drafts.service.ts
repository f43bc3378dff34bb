import { Injectable } from '@nestjs/common';
import type { Actor, DraftNextStep } from '@candor/domain';
import { CompensationOffersService } from './compensation-offers.service';
import { DisclosureLifecycleService } from './disclosure-lifecycle.service';
import { DisclosuresService, type DisclosureResponse } from './disclosures.service';
import type { CreateDisclosureDto } from './dto/create-disclosure.dto';
import type { CreateOfferDto } from './dto/create-offer.dto';
import type { UpdateDisclosureDto } from './dto/update-disclosure.dto';

/**
 * Saving a draft as the editor does: its words, then an offer, then a step, in the request's one
 * transaction. A refused offer or step throws, and the transaction takes the saved words back with it.
 */
@Injectable()
export class DisclosureDraftsService {
  constructor(
    private readonly disclosures: DisclosuresService,
    private readonly offers: CompensationOffersService,
    private readonly lifecycle: DisclosureLifecycleService,
  ) {}

  async create(actor: Actor, dto: CreateDisclosureDto): Promise<DisclosureResponse> {
    const { offer, then, ...draft } = dto;
    const created = await this.disclosures.create(actor, draft);
    return (await this.followThrough(actor, created.id, offer, then)) ?? created;
  }

  async update(actor: Actor, id: string, dto: UpdateDisclosureDto): Promise<DisclosureResponse> {
    const { offer, then, ...patch } = dto;
    const updated = await this.disclosures.update(actor, id, patch);
    return (await this.followThrough(actor, id, offer, then)) ?? updated;
  }

  private async followThrough(actor: Actor, id: string, offer?: CreateOfferDto, then?: DraftNextStep): Promise<DisclosureResponse | null> {
    let latest: DisclosureResponse | null = null;
    if (offer) latest = await this.offers.create(actor, id, offer);
    if (then === 'submit_for_review') latest = await this.lifecycle.submitForReview(actor, id);
    if (then === 'disclose') latest = await this.lifecycle.disclose(actor, id);
    return latest;
  }
}
