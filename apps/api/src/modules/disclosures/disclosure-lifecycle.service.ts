import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { insertComment, webhookEventSql, writeTogether, type CtePart } from '@candor/db';
import {
  DISCLOSURE_TRANSITIONS,
  checkTransition,
  defineAbilityFor,
  disclosureFacts,
  isClientRole,
  type Actor,
  type DisclosureAction,
  type WebhookEventType,
} from '@candor/domain';
import { actorRef } from '../../common/actor-ref';
import { BadInputException } from '../../common/errors/api-error';
import { TenantContext } from '../../common/tenant-context';
import { TenantRepository } from '../tenant/tenant.repository';
import { DisclosureEventsWriter } from './disclosure-events.writer';
import { DisclosureNotifier, formatUtc } from './disclosure.notifier';
import { presentForStaff } from './disclosure.presenter';
import { DisclosuresService, type DisclosureResponse } from './disclosures.service';
import { CompensationOffersRepository } from './compensation-offers.repository';
import { DisclosuresRepository, SqlExpression, type DisclosureRow } from './disclosures.repository';
import { FollowUpsRepository } from './follow-ups.repository';
import type { ProposeRemedyDto, RequestRemedyChangesDto, ResolveDisclosureDto, ReturnToDraftDto } from './dto/transition.dto';

const NOW = new SqlExpression('now()');
const NEXT_ROUND = new SqlExpression('remedy_rounds + 1');
const SINCE_DISCOVERY = new SqlExpression('GREATEST(0, extract(epoch FROM now() - discovered_at))::int');
// Answering the remedy written with the disclosure counts as its first proposal, and as reading the disclosure.
const ACKNOWLEDGED = new SqlExpression('LEAST(acknowledged_at, now())');
const PROPOSED = new SqlExpression('COALESCE(remedy_proposed_at, disclosed_at)');
const FIRST_ROUND = new SqlExpression('GREATEST(remedy_rounds, 1)');
const ANSWERED = { acknowledged_at: ACKNOWLEDGED, remedy_proposed_at: PROPOSED, remedy_rounds: FIRST_ROUND };
const SINCE_DISCLOSURE = new SqlExpression('GREATEST(0, extract(epoch FROM now() - disclosed_at))::int');

/** Days after resolution when the client check-in and the team retrospective fall due. */
const CHECK_IN_AFTER_DAYS = 3;
const RETROSPECTIVE_AFTER_DAYS = 7;

/** The steps of a disclosure, each timestamped, audited and announced; anything else is a 409 naming what may come next. */
@Injectable()
export class DisclosureLifecycleService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tenants: TenantRepository,
    private readonly disclosures: DisclosuresService,
    private readonly repository: DisclosuresRepository,
    private readonly followUps: FollowUpsRepository,
    private readonly offers: CompensationOffersRepository,
    private readonly events: DisclosureEventsWriter,
    private readonly notifier: DisclosureNotifier,
  ) {}

  async submitForReview(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'submit_for_review');
    await this.move(actor, d, 'submit_for_review', 'internal');
    await this.notifier.send(actor.tenantId, d, 'reviewers', 'disclosure_review_requested', { discoveredAt: formatUtc(d.discoveredAt) });
    return this.disclosures.get(actor, id);
  }

  async returnToDraft(actor: Actor, id: string, dto: ReturnToDraftDto): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'return_to_draft');
    await this.move(actor, d, 'return_to_draft', 'internal', {}, { note: dto.note.trim() });
    return this.disclosures.get(actor, id);
  }

  /**
   * Five statements: the disclosure (locked) with the tenant's facts, the blameless check's people,
   * the move with its timeline event and audit row, the webhook with every email (the client's and
   * one per open offer to its main contacts), and the answer's detail.
   */
  async disclose(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'disclose');
    const settings = await this.tenants.settings(this.tenant.manager, actor.tenantId);
    if (settings.requireDisclosureReview && !defineAbilityFor(actor).can('review', 'Disclosure')) {
      throw new ForbiddenException('A manager reviews disclosures before they reach the client: submit this draft for review');
    }
    const missing = (['impact', 'apology'] as const).filter((f) => !d[f].trim());
    if (missing.length) {
      throw new BadInputException(
        missing.map((field) => ({ code: 'required_to_disclose', field, message: 'The client needs this before the disclosure is sent.' })),
        [`Before disclosing, write the ${missing.join(' and the ')}: the client needs both`],
      );
    }
    await this.disclosures.assertBlameless(actor.tenantId, id, this.disclosures.clientFacing(d));
    const disclosed = await this.move(actor, d, 'disclose', 'client', {
      disclosed_at: NOW,
      disclosed_by: actor.userId,
      time_to_disclose_seconds: SINCE_DISCOVERY,
    });
    const told = { whatHappened: d.whatHappened, impact: d.impact, apology: d.apology, remedyPlan: d.remedyPlan };
    await writeTogether(this.tenant.manager, [
      await this.announcement(actor, disclosed, 'disclosure.disclosed'),
      await this.notifier.notice(actor.tenantId, disclosed, 'client_contacts', 'disclosure_disclosed', told, undefined, 'disclosed'),
      // Offers written with the draft reach the client now, with the disclosure: one email per open offer.
      await this.notifier.notice(
        actor.tenantId,
        disclosed,
        'client_admins',
        'offer_made',
        {},
        undefined,
        'offers',
        this.offers.openOffersEach(),
      ),
    ]);
    return this.disclosures.presentOne(actor, disclosed);
  }

  async acknowledge(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'acknowledge');
    await this.move(actor, d, 'acknowledge', 'client', { acknowledged_at: NOW });
    return this.disclosures.get(actor, id);
  }

  async proposeRemedy(actor: Actor, id: string, dto: ProposeRemedyDto): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'propose_remedy');
    const remedyPlan = dto.remedyPlan?.trim() ?? d.remedyPlan;
    const remedyDueAt = dto.remedyDueAt ? new Date(dto.remedyDueAt) : d.remedyDueAt;
    if (!remedyPlan) throw new BadRequestException('remedyPlan must say how we will put it right');
    if (!remedyDueAt) throw new BadRequestException('remedyDueAt must say when the remedy will be done');
    if (remedyDueAt.getTime() <= Date.now()) throw new BadRequestException('remedyDueAt must be in the future');
    await this.disclosures.assertBlameless(actor.tenantId, id, { remedyPlan });
    await this.move(
      actor,
      d,
      'propose_remedy',
      'client',
      { remedy_plan: remedyPlan, remedy_due_at: remedyDueAt, remedy_proposed_at: NOW, remedy_rounds: NEXT_ROUND },
      { round: d.remedyRounds + 1 },
    );
    await this.notifier.send(actor.tenantId, d, 'client_admins', 'disclosure_remedy_proposed', {
      remedyPlan,
      remedyDue: formatUtc(remedyDueAt),
      round: d.remedyRounds + 1,
    });
    return this.disclosures.get(actor, id);
  }

  async acceptRemedy(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'accept_remedy');
    const round = Math.max(d.remedyRounds, 1);
    await this.move(
      actor,
      d,
      'accept_remedy',
      'client',
      { ...ANSWERED, remedy_accepted_at: NOW, remedy_accepted_by: actor.userId },
      { round },
    );
    await this.announce(actor, await this.disclosures.findVisible(actor, id), 'disclosure.remedy_accepted');
    await this.notifier.send(
      actor.tenantId,
      d,
      'team',
      'disclosure_remedy_accepted',
      { remedyDue: formatUtc(d.remedyDueAt) },
      await actorRef(this.tenant.manager, actor),
    );
    return this.disclosures.get(actor, id);
  }

  async requestRemedyChanges(actor: Actor, id: string, dto: RequestRemedyChangesDto): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'request_remedy_changes');
    const comment = dto.comment.trim();
    await insertComment(this.tenant.manager, {
      tenantId: actor.tenantId,
      subjectType: 'disclosure',
      subjectId: id,
      authorId: actor.userId,
      visibility: 'client',
      kind: 'remedy_changes',
      body: comment,
    });
    await this.move(actor, d, 'request_remedy_changes', 'client', ANSWERED, { round: Math.max(d.remedyRounds, 1) });
    await this.notifier.send(
      actor.tenantId,
      d,
      'team',
      'disclosure_remedy_changes_requested',
      { comment },
      await actorRef(this.tenant.manager, actor),
    );
    return this.disclosures.get(actor, id);
  }

  async startRemediation(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'start_remediation');
    await this.move(actor, d, 'start_remediation', 'client');
    return this.disclosures.get(actor, id);
  }

  async resolve(actor: Actor, id: string, dto: ResolveDisclosureDto): Promise<DisclosureResponse> {
    const manager = this.tenant.manager;
    const d = await this.begin(actor, id, 'resolve');
    const resolutionSummary = dto.resolutionSummary.trim();
    const preventionSummary = dto.preventionSummary?.trim() ?? '';
    await this.disclosures.assertBlameless(actor.tenantId, id, { resolutionSummary, preventionSummary });
    await this.move(actor, d, 'resolve', 'client', {
      resolved_at: NOW,
      resolution_summary: resolutionSummary,
      prevention_summary: preventionSummary,
      time_to_resolve_seconds: SINCE_DISCLOSURE,
    });
    await this.followUps.insertAfterResolution(manager, actor.tenantId, id, CHECK_IN_AFTER_DAYS, RETROSPECTIVE_AFTER_DAYS);
    await this.announce(actor, await this.disclosures.findVisible(actor, id), 'disclosure.resolved');
    await this.notifier.send(actor.tenantId, d, 'client_contacts', 'disclosure_resolved', { resolutionSummary, preventionSummary });
    return this.disclosures.get(actor, id);
  }

  async close(actor: Actor, id: string): Promise<DisclosureResponse> {
    const d = await this.begin(actor, id, 'close');
    const open = await this.followUps.pendingOf(this.tenant.manager, actor.tenantId, id);
    if (open.length) {
      const list = open.map((f) => `${f.kind.replaceAll('_', ' ')} (due ${formatUtc(f.dueAt)})`).join(', ');
      throw new ConflictException(`Complete or skip (with a reason) the open follow-ups first: ${list}`);
    }
    await this.move(actor, d, 'close', 'client', { closed_at: NOW });
    return this.disclosures.get(actor, id);
  }

  /** Tells the tenant's webhook endpoints, with the disclosure as the team sees it (webhooks are the agency's). */
  private async announce(actor: Actor, row: DisclosureRow, type: WebhookEventType): Promise<void> {
    await writeTogether(this.tenant.manager, [await this.announcement(actor, row, type)]);
  }

  /** The webhook rows of `announce`, as a CTE of a statement that writes more. */
  private async announcement(actor: Actor, row: DisclosureRow, type: WebhookEventType): Promise<CtePart> {
    const settings = await this.tenants.settings(this.tenant.manager, actor.tenantId);
    const data = presentForStaff(row, settings.disclosureDeadlineHours);
    return (bind) => `webhook AS (${webhookEventSql(bind, actor.tenantId, type, data)})`;
  }

  /**
   * Finds the disclosure (404 if hidden), checks the caller's side may take this step (403), locks it,
   * and checks the step is legal from its current state (409 naming the allowed next states).
   */
  private async begin(actor: Actor, id: string, action: DisclosureAction): Promise<DisclosureRow> {
    const { by } = DISCLOSURE_TRANSITIONS[action];
    // Read once, locked: FOR UPDATE answers the row as it is once the lock is held.
    const { row: current } = await this.disclosures.findWithFacts(actor, id, true);
    const ability = defineAbilityFor(actor);
    const client = isClientRole(actor.role);
    if ((by === 'staff' || by === 'reviewer') && client) throw new ForbiddenException('Only the team takes this step');
    if (by === 'reviewer' && !ability.can('review', 'Disclosure'))
      throw new ForbiddenException('Only an owner or a manager reviews disclosures');
    if (by === 'client' && !client) throw new ForbiddenException('Only the client acknowledges a disclosure');
    if (by === 'client_admin' && !ability.can('approve', { kind: 'Disclosure', clientAccountId: current.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) signs off a remedy or asks for changes");
    }
    const check = checkTransition(action, current.status, disclosureFacts(current));
    if (!check.ok) throw new ConflictException(check.message);
    return current;
  }

  /**
   * Moves the disclosure to the step's next status, setting `columns` (a bound value, or one of the
   * SQL expressions above for the computed ones), and writes the timeline event, in one statement; answers the moved row.
   */
  private async move(
    actor: Actor,
    d: DisclosureRow,
    action: DisclosureAction,
    visibility: 'client' | 'internal',
    columns: Record<string, unknown> = {},
    detail: Record<string, unknown> = {},
  ): Promise<DisclosureRow> {
    const to = DISCLOSURE_TRANSITIONS[action].to;
    const event = { action: EVENT_NAMES[action], fromStatus: d.status, toStatus: to, visibility, detail };
    return this.repository.moveTo(this.tenant.manager, actor.tenantId, d.id, to, columns, this.events.parts(actor, d.id, event));
  }
}

/** Timeline names, past tense. */
const EVENT_NAMES: Record<DisclosureAction, string> = {
  submit_for_review: 'submitted_for_review',
  return_to_draft: 'returned_to_draft',
  disclose: 'disclosed',
  acknowledge: 'acknowledged',
  propose_remedy: 'remedy_proposed',
  accept_remedy: 'remedy_accepted',
  request_remedy_changes: 'remedy_changes_requested',
  start_remediation: 'remediation_started',
  resolve: 'resolved',
  close: 'closed',
};
