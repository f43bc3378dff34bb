import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DETECTED_BY,
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_SEVERITIES,
  DISCLOSURE_STATUSES,
  OFFER_KINDS,
  OFFER_STATUSES,
} from '@candor/domain';

/** A person as the reader is shown them: a team member, or the team itself (no id) where names are not shown. */
export class ShownPersonResponse {
  @ApiProperty({ type: String, nullable: true, description: 'null when the person is shown as the team' }) id: string | null;
  @ApiProperty({ example: 'The Northwind Assistants team' }) displayName: string;
}

export class InvolvedPersonResponse {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
}

export class OfferResponse {
  @ApiProperty() id: string;
  @ApiProperty() disclosureId: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: '10' }) value: string | null;
  @ApiProperty({ type: String, nullable: true }) currency: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: ShownPersonResponse, nullable: true }) decidedBy: ShownPersonResponse | null;
  @ApiProperty({ type: String, nullable: true }) declineReason: string | null;
  @ApiProperty({ type: Date, nullable: true }) appliedAt: Date | null;
}

export class FollowUpResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['client_check_in', 'team_retrospective'] }) kind: string;
  @ApiProperty({ enum: ['pending', 'done', 'skipped'] }) status: string;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) skipReason: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'client check-in: is it resolved for them' }) clientResolved: boolean | null;
  @ApiProperty({ type: Number, nullable: true, description: 'client check-in: 1-5' }) rating: number | null;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
}

export class TimelineEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['event', 'comment'] }) type: 'event' | 'comment';
  @ApiProperty({ example: 'disclosed', description: 'the event, or the comment kind' }) action: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) toStatus: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'comment text' }) body: string | null;
  @ApiProperty({ enum: ['client', 'internal'] }) visibility: string;
  @ApiProperty({ type: ShownPersonResponse, nullable: true, description: 'null for the system (e.g. an expired offer)' })
  actor: ShownPersonResponse | null;
  @ApiProperty() at: Date;
}

/** What a client user sees: the facts, the impact, the apology, the remedy, offers and the shared timeline. */
export class DisclosureClientResponse {
  @ApiProperty() id: string;
  @ApiProperty() engagementId: string;
  @ApiProperty() engagementName: string;
  @ApiProperty() clientAccountId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ type: String, nullable: true, description: 'the deliverable this error is about, if any' }) deliverableId: string | null;
  @ApiProperty({ enum: DISCLOSURE_CATEGORIES }) category: string;
  @ApiProperty({ enum: DISCLOSURE_SEVERITIES }) severity: string;
  @ApiProperty({ enum: DISCLOSURE_STATUSES }) status: string;
  @ApiProperty({ type: ShownPersonResponse, description: "the tenant's team unless the tenant shows staff names" })
  author: ShownPersonResponse;
  @ApiProperty() whatHappened: string;
  @ApiProperty() impact: string;
  @ApiProperty() apology: string;
  @ApiProperty() remedyPlan: string;
  @ApiProperty({ type: Date, nullable: true }) remedyDueAt: Date | null;
  @ApiProperty() remedyRounds: number;
  @ApiProperty({ type: Date, nullable: true }) remedyAcceptedAt: Date | null;
  @ApiProperty({ type: ShownPersonResponse, nullable: true }) remedyAcceptedBy: ShownPersonResponse | null;
  @ApiProperty() resolutionSummary: string;
  @ApiProperty() preventionSummary: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty() discoveredAt: Date;
  @ApiProperty({ type: Date, nullable: true }) disclosedAt: Date | null;
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from discovery to disclosure' }) timeToDiscloseSeconds: number | null;
  @ApiProperty({ type: Date, nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty({ description: 'offers made to the client and still open' }) openOfferCount: number;
  @ApiProperty({ description: 'the client has something to do: acknowledge, sign off a remedy, answer an offer or a check-in' })
  needsClientAction: boolean;
  @ApiPropertyOptional({ type: [OfferResponse] }) offers?: OfferResponse[];
  @ApiPropertyOptional({ type: [FollowUpResponse] }) followUps?: FollowUpResponse[];
  @ApiPropertyOptional({ type: [TimelineEntryResponse] }) timeline?: TimelineEntryResponse[];
}

/** What the team sees besides: who was involved, why it happened, what we learn; and where it may go next. */
export class DisclosureStaffResponse extends DisclosureClientResponse {
  @ApiProperty({ enum: DETECTED_BY }) detectedBy: string;
  @ApiProperty() rootCause: string;
  @ApiProperty() contributingFactors: string;
  @ApiProperty() lessonsLearned: string;
  @ApiProperty() preventiveActions: string;
  @ApiProperty({ type: [InvolvedPersonResponse] }) involved: InvolvedPersonResponse[];
  @ApiProperty({ type: Number, nullable: true, description: 'seconds from disclosure to resolution' }) timeToResolveSeconds: number | null;
  @ApiProperty({ enum: DISCLOSURE_STATUSES, isArray: true }) allowedNextStatuses: string[];
  @ApiProperty({ description: "past the tenant's disclosure deadline and not yet disclosed" }) overdue: boolean;
}

export class DisclosurePageResponse {
  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: '#/components/schemas/DisclosureStaffResponse' }, { $ref: '#/components/schemas/DisclosureClientResponse' }] },
  })
  items: (DisclosureClientResponse | DisclosureStaffResponse)[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
