export const DELIVERABLE_STATUSES = ['in_progress', 'submitted', 'changes_requested', 'approved'] as const;
export type DeliverableStatus = (typeof DELIVERABLE_STATUSES)[number];

export const VERSION_KINDS = ['initial', 'revision', 'correction'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const REVISION_REQUEST_STATUSES = ['pending_acceptance', 'open', 'fulfilled', 'declined'] as const;
export type RevisionRequestStatus = (typeof REVISION_REQUEST_STATUSES)[number];

/** An engagement's revision rounds: what the client paid for, what they used, what is left. */
export interface RoundsSummary {
  included: number;
  used: number;
  remaining: number;
}

export function roundsSummary(included: number, used: number): RoundsSummary {
  return { included, used, remaining: Math.max(0, included - used) };
}

/**
 * How a new client revision request is taken: within the included rounds it opens at once; beyond
 * them it is still accepted, but billable, and waits for the team to accept it.
 * `used` counts the engagement's earlier requests that count as a round and were not declined.
 */
export function classifyRevisionRequest(
  included: number,
  used: number,
): { roundNumber: number; billable: boolean; status: 'open' | 'pending_acceptance' } {
  const roundNumber = used + 1;
  const billable = roundNumber > included;
  return { roundNumber, billable, status: billable ? 'pending_acceptance' : 'open' };
}

/** Statuses from which the team may deliver a version of each kind. A correction may come at any time. */
export const DELIVERABLE_FROM: Record<VersionKind, readonly DeliverableStatus[]> = {
  initial: ['in_progress'],
  revision: ['changes_requested'],
  correction: DELIVERABLE_STATUSES,
};

/** Open work: past its due date in one of these, a deliverable is late. */
export const OPEN_DELIVERABLE_STATUSES: readonly DeliverableStatus[] = ['in_progress', 'changes_requested'];
