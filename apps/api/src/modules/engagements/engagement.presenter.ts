import type { Engagement, EngagementRate } from '@candor/db';
import type { EngagementResponse, PersonResponse, RateResponse, RetainerResponse } from './dto/engagement.response';

/** What an engagement's response needs beyond its row, read in one pass for a page of engagements. */
export interface EngagementRelated {
  clients: Map<string, string>;
  assistants: Map<string, PersonResponse[]>;
  rates: Map<string, EngagementRate>;
  retainers: Map<string, RetainerResponse>;
  acceptedBy: Map<string, PersonResponse | null>;
}

export const presentRate = (r: EngagementRate): RateResponse => ({
  id: r.id,
  hourlyRate: r.hourlyRate,
  effectiveFrom: r.effectiveFrom,
  createdAt: r.createdAt,
});

/** Staff and client users see the same engagement fields. */
export function presentEngagement(row: Engagement, related: EngagementRelated): EngagementResponse {
  const rate = related.rates.get(row.id);
  return {
    id: row.id,
    clientAccountId: row.clientAccountId,
    clientName: related.clients.get(row.clientAccountId) ?? '',
    name: row.name,
    description: row.description,
    status: row.status,
    currency: row.currency,
    currentRate: rate ? presentRate(rate) : null,
    includedRevisionRounds: row.includedRevisionRounds,
    deadline: row.deadline,
    retainer: related.retainers.get(row.id) ?? null,
    retainerMonthlyFee: row.retainerMonthlyFee,
    revisionRoundPrice: row.revisionRoundPrice,
    workingAgreement: row.workingAgreement,
    confidentiality: {
      terms: row.confidentialityTerms,
      acceptedAt: row.confidentialityAcceptedAt,
      acceptedBy: row.confidentialityAcceptedBy ? (related.acceptedBy.get(row.confidentialityAcceptedBy) ?? null) : null,
    },
    assistants: related.assistants.get(row.id) ?? [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
