import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { classifyRevisionRequest, defineAbilityFor, isClientRole, type Actor } from '@candor/domain';
import { actorRef } from '../../common/actor-ref';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { DeliverableNotifier } from './deliverable.notifier';
import { DeliverablesRepository, type RevisionRequestRow } from './deliverables.repository';
import { DeliverablesService, type DeliverableResponse } from './deliverables.service';
import type { DeclineRevisionRequestDto } from './dto/decline-revision-request.dto';
import type { RequestChangesDto } from './dto/review.dto';

/** The client's answers to a version (approve, or ask for changes) and the team's answer to a billable request. */
@Injectable()
export class DeliverableReviewsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly deliverables: DeliverablesService,
    private readonly repository: DeliverablesRepository,
    private readonly notifier: DeliverableNotifier,
  ) {}

  async approve(actor: Actor, id: string): Promise<DeliverableResponse> {
    const visible = await this.deliverables.findVisible(actor, id);
    if (!defineAbilityFor(actor).can('approve', { kind: 'Deliverable', clientAccountId: visible.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) approves a deliverable");
    }
    await this.repository.lock(this.tenant.manager, actor.tenantId, id);
    const d = await this.deliverables.findVisible(actor, id);
    if (d.status !== 'submitted')
      throw new ConflictException(`Only a delivered version waiting for review can be approved; this deliverable is ${d.status}`);
    await this.repository.approve(this.tenant.manager, actor.tenantId, id, actor.userId);
    await this.deliverables.record(actor, 'approved', id, { from: d.status, to: 'approved', versionNumber: d.versionCount });
    await this.deliverables.announce(actor, id, 'deliverable.approved');
    await this.notifier.send(
      actor.tenantId,
      d,
      'team',
      'deliverable_approved',
      { versionNumber: d.versionCount },
      await actorRef(this.tenant.manager, actor),
    );
    return this.deliverables.get(actor, id);
  }

  /**
   * A client asks for changes to the latest version. It takes the engagement's next round: within the
   * included rounds it opens at once, beyond them it is billable and waits for the team.
   */
  async requestChanges(actor: Actor, id: string, dto: RequestChangesDto): Promise<DeliverableResponse> {
    const manager = this.tenant.manager;
    const visible = await this.deliverables.findVisible(actor, id);
    if (
      !isClientRole(actor.role) ||
      !defineAbilityFor(actor).can('create', { kind: 'RevisionRequest', clientAccountId: visible.clientAccountId })
    ) {
      throw new ForbiddenException('Only the client asks for changes to a deliverable');
    }
    // The engagement first, then the deliverable: every request takes its locks in this order.
    const rounds = await this.repository.roundsUsedLocked(manager, actor.tenantId, visible.engagementId);
    await this.repository.lock(manager, actor.tenantId, id);
    const d = await this.deliverables.findVisible(actor, id);
    if (d.status !== 'submitted')
      throw new ConflictException(`Changes can be asked for on a delivered version waiting for review; this deliverable is ${d.status}`);
    const [latest] = (await this.repository.versions(manager, actor.tenantId, id)).slice(-1);
    const next = classifyRevisionRequest(rounds.included, rounds.used);
    const requestId = randomUUID();
    const comment = dto.comment.trim();
    await this.repository.insertRevisionRequest(manager, {
      tenantId: actor.tenantId,
      id: requestId,
      deliverableId: id,
      versionId: latest.id,
      requestedBy: actor.userId,
      comment,
      roundNumber: next.roundNumber,
      billable: next.billable,
      status: next.status,
    });
    await this.repository.setStatus(manager, actor.tenantId, id, 'changes_requested');
    await this.deliverables.record(actor, 'changes_requested', id, {
      from: d.status,
      to: 'changes_requested',
      requestId,
      versionNumber: latest.number,
      roundNumber: next.roundNumber,
      includedRounds: rounds.included,
      billable: next.billable,
    });
    await this.notifier.send(
      actor.tenantId,
      d,
      'team',
      'deliverable_changes_requested',
      { versionNumber: latest.number, comment, roundNumber: next.roundNumber, roundsIncluded: rounds.included, billable: next.billable },
      await actorRef(this.tenant.manager, actor),
    );
    return this.deliverables.get(actor, id);
  }

  async acceptRequest(actor: Actor, requestId: string): Promise<DeliverableResponse> {
    const request = await this.pending(actor, requestId);
    await this.repository.acceptRequest(this.tenant.manager, actor.tenantId, requestId, actor.userId);
    await this.deliverables.record(actor, 'revision_request_accepted', request.deliverableId, {
      requestId,
      roundNumber: request.roundNumber,
      billable: true,
    });
    return this.deliverables.get(actor, request.deliverableId);
  }

  /** The team will not take on the extra round: the version goes back to waiting for the client's review. */
  async declineRequest(actor: Actor, requestId: string, dto: DeclineRevisionRequestDto): Promise<DeliverableResponse> {
    const request = await this.pending(actor, requestId);
    const reason = dto.reason.trim();
    await this.repository.declineRequest(this.tenant.manager, actor.tenantId, requestId, actor.userId, reason);
    await this.repository.setStatus(this.tenant.manager, actor.tenantId, request.deliverableId, 'submitted');
    await this.deliverables.record(actor, 'revision_request_declined', request.deliverableId, {
      requestId,
      roundNumber: request.roundNumber,
      reason,
    });
    return this.deliverables.get(actor, request.deliverableId);
  }

  /** A billable request waiting for the team, on a deliverable the caller works on: 404, then 403, then 409. */
  private async pending(actor: Actor, requestId: string): Promise<RevisionRequestRow> {
    const [found] = await this.repository.revisionRequests(this.tenant.manager, await this.scopes.of(actor), { id: requestId });
    if (!found) throw new NotFoundException('Revision request not found');
    try {
      await this.deliverables.findVisible(actor, found.deliverableId);
    } catch {
      throw new NotFoundException('Revision request not found');
    }
    await this.deliverables.findWorkable(actor, found.deliverableId, true);
    const [request] = await this.repository.revisionRequests(this.tenant.manager, await this.scopes.of(actor), { id: requestId });
    if (request.status !== 'pending_acceptance')
      throw new ConflictException(
        `This request is ${request.status}; only a billable request waiting for the team can be accepted or declined`,
      );
    return request;
  }
}
