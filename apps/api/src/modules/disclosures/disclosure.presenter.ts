import { allowedNextStatuses, disclosureFacts, isClientRole, isDisclosed, type Actor } from '@candor/domain';
import { STAFF_VIEW, clientViewOf, shownStaff, type ClientView, type TenantFacts } from '../../common/client-view';
import type {
  DisclosureClientResponse,
  DisclosureStaffResponse,
  FollowUpResponse,
  OfferResponse,
  ShownPersonResponse,
  TimelineEntryResponse,
} from './dto/disclosure.response';
import type { DisclosureDetail, DisclosureRow, FollowUpRow, OfferRow, TimelineRow } from './disclosures.repository';

const presentFollowUp = (f: FollowUpRow): FollowUpResponse => ({
  id: f.id,
  kind: f.kind,
  status: f.status,
  dueAt: f.dueAt,
  outcome: f.outcome,
  skipReason: f.skipReason,
  clientResolved: f.clientResolved,
  rating: f.rating,
  completedAt: f.completedAt,
});

/** An offer as everyone sees it (no internal field on offers). */
export function presentOffer(o: OfferRow): OfferResponse {
  return {
    id: o.id,
    disclosureId: o.disclosureId,
    kind: o.kind,
    value: o.value,
    currency: o.currency,
    note: o.note,
    status: o.status,
    expiresAt: o.expiresAt,
    createdAt: o.createdAt,
    decidedAt: o.decidedAt,
    // Only client users decide on offers, so the name shown is always the client's own person.
    decidedBy: o.decidedBy ? { id: o.decidedBy, displayName: o.decidedByName ?? '' } : null,
    declineReason: o.declineReason,
    appliedAt: o.appliedAt,
  };
}

/**
 * The client's view, built field by field from an allow-list: internal notes, the people involved,
 * internal comments and events before the disclosure cannot reach a client by accident.
 */
export function presentForClient(row: DisclosureRow, view: ClientView, detail?: DisclosureDetail): DisclosureClientResponse {
  const staff = (id: string, name: string): ShownPersonResponse => shownStaff(view, id, name);
  const response: DisclosureClientResponse = {
    id: row.id,
    engagementId: row.engagementId,
    engagementName: row.engagementName,
    clientAccountId: row.clientAccountId,
    clientName: row.clientName,
    deliverableId: row.deliverableId,
    category: row.category,
    severity: row.severity,
    status: row.status,
    author: staff(row.authorId, row.authorName),
    whatHappened: row.whatHappened,
    impact: row.impact,
    apology: row.apology,
    remedyPlan: row.remedyPlan,
    remedyDueAt: row.remedyDueAt,
    remedyRounds: row.remedyRounds,
    remedyAcceptedAt: row.remedyAcceptedAt,
    remedyAcceptedBy: row.remedyAcceptedBy ? { id: row.remedyAcceptedBy, displayName: row.remedyAcceptedByName ?? '' } : null,
    resolutionSummary: row.resolutionSummary,
    preventionSummary: row.preventionSummary,
    occurredAt: row.occurredAt,
    discoveredAt: row.discoveredAt,
    disclosedAt: row.disclosedAt,
    timeToDiscloseSeconds: row.timeToDiscloseSeconds,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    openOfferCount: row.openOfferCount,
    needsClientAction: needsClientAction(row),
  };
  if (!detail) return response;
  const disclosedAt = row.disclosedAt?.getTime() ?? Infinity;
  return {
    ...response,
    offers: detail.offers.map(presentOffer),
    followUps: detail.followUps.filter((f) => f.kind === 'client_check_in').map(presentFollowUp),
    timeline: detail.timeline
      .filter((t) => t.visibility === 'client' && (t.type === 'comment' || t.at.getTime() >= disclosedAt))
      .map((t) => presentTimelineEntry(t, t.actorId && !t.actorIsClient ? staff(t.actorId, t.actorName ?? '') : null)),
  };
}

/** The response for the caller's audience: the client's view for a client user, the team's otherwise. */
export function presentDisclosure(
  actor: Actor,
  facts: TenantFacts,
  row: DisclosureRow,
  detail?: DisclosureDetail,
): DisclosureClientResponse | DisclosureStaffResponse {
  return isClientRole(actor.role)
    ? presentForClient(row, clientViewOf(facts), detail)
    : presentForStaff(row, facts.settings.disclosureDeadlineHours, detail);
}

/** The team's view; `deadlineHours` is the tenant's disclosure deadline, for the overdue flag. */
export function presentForStaff(row: DisclosureRow, deadlineHours: number, detail?: DisclosureDetail): DisclosureStaffResponse {
  const base: DisclosureClientResponse = {
    ...presentForClient(row, STAFF_VIEW),
    author: { id: row.authorId, displayName: row.authorName },
  };
  const response: DisclosureStaffResponse = {
    ...base,
    detectedBy: row.detectedBy,
    rootCause: row.rootCause,
    contributingFactors: row.contributingFactors,
    lessonsLearned: row.lessonsLearned,
    preventiveActions: row.preventiveActions,
    involved: detail?.involved ?? [],
    timeToResolveSeconds: row.timeToResolveSeconds,
    allowedNextStatuses: allowedNextStatuses(row.status, disclosureFacts(row)),
    overdue: !isDisclosed(row.status) && Date.now() - row.discoveredAt.getTime() > deadlineHours * 3_600_000,
  };
  if (!detail) return response;
  return {
    ...response,
    offers: detail.offers.map(presentOffer),
    followUps: detail.followUps.map(presentFollowUp),
    timeline: detail.timeline.map((t) => presentTimelineEntry(t, null)),
  };
}

function presentTimelineEntry(t: TimelineRow, shownAs: ShownPersonResponse | null): TimelineEntryResponse {
  return {
    id: t.id,
    type: t.type,
    action: t.action,
    fromStatus: t.fromStatus,
    toStatus: t.toStatus,
    body: t.body,
    visibility: t.visibility,
    actor: shownAs ?? (t.actorId ? { id: t.actorId, displayName: t.actorName ?? '' } : null),
    at: t.at,
  };
}

/** Whether the ball is in the client's court. */
function needsClientAction(row: DisclosureRow): boolean {
  return row.status === 'disclosed' || row.status === 'remedy_proposed' || row.openOfferCount > 0 || row.pendingCheckIn;
}
