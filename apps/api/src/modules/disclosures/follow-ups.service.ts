import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { isClientRole, type Actor } from '@candor/domain';
import { actorRef } from '../../common/actor-ref';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { DisclosureNotifier } from './disclosure.notifier';
import { DisclosuresRepository, type DisclosureRow, type FollowUpRow } from './disclosures.repository';
import { DisclosuresService, type DisclosureResponse } from './disclosures.service';
import { FollowUpsRepository } from './follow-ups.repository';
import type { FollowUpListItemResponse, ListFollowUpsQuery } from './dto/list-follow-ups.dto';
import type { CheckInDto, CompleteFollowUpDto, SkipFollowUpDto } from './dto/transition.dto';

/** After resolution: the client's check-in and the team's retrospective, each done or skipped with a reason. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: DisclosuresRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly disclosures: DisclosuresService,
    private readonly events: DisclosureEventsWriter,
    private readonly notifier: DisclosureNotifier,
  ) {}

  /**
   * Follow-ups by status (pending first by due date): staff see those of disclosures they work on,
   * client users only their account's check-ins.
   */
  async list(actor: Actor, query: ListFollowUpsQuery): Promise<FollowUpListItemResponse[]> {
    return this.followUps.list(this.tenant.manager, await this.scopes.of(actor), {
      status: query.status ?? 'pending',
      kind: query.kind ?? null,
    });
  }

  async complete(actor: Actor, id: string, dto: CompleteFollowUpDto): Promise<DisclosureResponse> {
    const { followUp, disclosure } = await this.pending(actor, id);
    await this.followUps.finish(this.tenant.manager, actor.tenantId, id, actor.userId, { status: 'done', outcome: dto.outcome.trim() });
    await this.events.record(actor, disclosure.id, {
      action: 'follow_up_done',
      visibility: followUp.kind === 'client_check_in' ? 'client' : 'internal',
      detail: { followUpId: id, kind: followUp.kind },
    });
    return this.disclosures.get(actor, disclosure.id);
  }

  async skip(actor: Actor, id: string, dto: SkipFollowUpDto): Promise<DisclosureResponse> {
    const { followUp, disclosure } = await this.pending(actor, id);
    await this.followUps.finish(this.tenant.manager, actor.tenantId, id, actor.userId, { status: 'skipped', reason: dto.reason.trim() });
    await this.events.record(actor, disclosure.id, {
      action: 'follow_up_skipped',
      visibility: 'internal',
      detail: { followUpId: id, kind: followUp.kind, reason: dto.reason.trim() },
    });
    return this.disclosures.get(actor, disclosure.id);
  }

  /** The client answers the check-in: resolved or not, a 1-5 rating and a comment. */
  async checkIn(actor: Actor, disclosureId: string, dto: CheckInDto): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const disclosure = await this.disclosures.findVisible(actor, disclosureId);
    if (!isClientRole(actor.role)) throw new ForbiddenException('The check-in is answered by the client');
    await this.followUps.lockCheckIn(manager, actor.tenantId, disclosureId);
    const [checkIn] = (await this.repository.followUps(manager, await this.scopes.of(actor), { disclosureId })).filter(
      (f) => f.kind === 'client_check_in',
    );
    if (!checkIn) throw new ConflictException('There is no check-in yet: it opens when the disclosure is resolved');
    if (checkIn.status !== 'pending')
      throw new ConflictException(`The check-in is already ${checkIn.status === 'done' ? 'answered' : 'closed'}`);
    const comment = dto.comment?.trim() ?? '';
    await this.followUps.answerCheckIn(manager, actor.tenantId, checkIn.id, {
      resolved: dto.resolved,
      rating: dto.rating,
      comment,
      userId: actor.userId,
    });
    await this.events.record(actor, disclosureId, {
      action: 'check_in_answered',
      visibility: 'client',
      detail: { resolved: dto.resolved, rating: dto.rating },
    });
    const verdict = `${dto.resolved ? 'Resolved' : 'NOT resolved'}, rated ${dto.rating}/5${comment ? `: ${comment}` : ''}`;
    await this.notifier.send(
      actor.tenantId,
      disclosure,
      'team',
      'disclosure_comment',
      { comment: verdict },
      await actorRef(this.tenant.manager, actor),
    );
    return this.disclosures.get(actor, disclosureId);
  }

  private async pending(actor: Actor, id: string): Promise<{ followUp: FollowUpRow; disclosure: DisclosureRow }> {
    const manager = this.tenant.manager;
    const [found] = await this.repository.followUps(manager, await this.scopes.of(actor), { id });
    if (!found) throw new NotFoundException('Follow-up not found');
    let disclosure: DisclosureRow;
    try {
      disclosure = await this.disclosures.findWorkable(actor, found.disclosureId, true);
    } catch (error) {
      if (error instanceof NotFoundException) throw new NotFoundException('Follow-up not found');
      throw error;
    }
    const [followUp] = await this.repository.followUps(manager, await this.scopes.of(actor), { id });
    if (followUp.status !== 'pending') throw new ConflictException(`This follow-up is already ${followUp.status}`);
    return { followUp: followUp, disclosure };
  }
}
