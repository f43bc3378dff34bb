/** The fixed lists a disclosure is described with. */
export const DISCLOSURE_CATEGORIES = [
  'missed_deadline',
  'copy_error',
  'misunderstood_brief',
  'double_booking',
  'missed_sign_off',
  'data_handling',
  'other',
] as const;
export type DisclosureCategory = (typeof DISCLOSURE_CATEGORIES)[number];

export const DISCLOSURE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type DisclosureSeverity = (typeof DISCLOSURE_SEVERITIES)[number];

export const DETECTED_BY = ['self', 'teammate', 'client'] as const;
export type DetectedBy = (typeof DETECTED_BY)[number];

export const DISCLOSURE_STATUSES = [
  'draft',
  'in_review',
  'disclosed',
  'acknowledged',
  'remedy_proposed',
  'remedy_accepted',
  'remedy_changes_requested',
  'in_remediation',
  'resolved',
  'closed',
] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/** Statuses a client never sees: the disclosure has not reached them yet. */
export const UNDISCLOSED_STATUSES: readonly DisclosureStatus[] = ['draft', 'in_review'];

/**
 * Who may take a step: any staff member who may work on the engagement, a reviewer (owner or
 * manager), any user of the client, or the client's main contact only.
 */
export type TransitionSide = 'staff' | 'reviewer' | 'client' | 'client_admin';

interface Transition {
  from: readonly DisclosureStatus[];
  to: DisclosureStatus;
  by: TransitionSide;
}

/** The lifecycle, one step per action; every other move is refused with the allowed next states. */
export const DISCLOSURE_TRANSITIONS = {
  submit_for_review: { from: ['draft'], to: 'in_review', by: 'staff' },
  return_to_draft: { from: ['in_review'], to: 'draft', by: 'reviewer' },
  disclose: { from: ['draft', 'in_review'], to: 'disclosed', by: 'staff' },
  acknowledge: { from: ['disclosed'], to: 'acknowledged', by: 'client' },
  propose_remedy: { from: ['disclosed', 'acknowledged', 'remedy_changes_requested'], to: 'remedy_proposed', by: 'staff' },
  // A remedy written into the disclosure (or agreed up front) is already in front of the client:
  // they may answer it at once, and answering it acknowledges the disclosure.
  accept_remedy: { from: ['remedy_proposed', 'disclosed', 'acknowledged'], to: 'remedy_accepted', by: 'client_admin' },
  request_remedy_changes: { from: ['remedy_proposed', 'disclosed', 'acknowledged'], to: 'remedy_changes_requested', by: 'client_admin' },
  start_remediation: { from: ['remedy_accepted'], to: 'in_remediation', by: 'staff' },
  resolve: { from: ['in_remediation'], to: 'resolved', by: 'staff' },
  close: { from: ['resolved'], to: 'closed', by: 'staff' },
} as const satisfies Record<string, Transition>;
export type DisclosureAction = keyof typeof DISCLOSURE_TRANSITIONS;

/** The steps that may follow saving a draft in the same request: all written, or nothing. */
export const DRAFT_NEXT_STEPS = ['submit_for_review', 'disclose'] as const satisfies readonly DisclosureAction[];
export type DraftNextStep = (typeof DRAFT_NEXT_STEPS)[number];

/** What else than the status decides a step: whether the client has a remedy (plan and due date) to answer. */
export interface DisclosureFacts {
  remedyWritten: boolean;
}

const NO_REMEDY: DisclosureFacts = { remedyWritten: false };

/** The facts of a disclosure row: a remedy counts as written once it has words and a due date. */
export const disclosureFacts = (d: { remedyPlan: string; remedyDueAt: Date | string | null }): DisclosureFacts => ({
  remedyWritten: d.remedyPlan.trim() !== '' && d.remedyDueAt !== null,
});

/** Answering a remedy before it was formally proposed needs one written down, with its due date. */
const needsWrittenRemedy = (action: DisclosureAction, status: DisclosureStatus): boolean =>
  (action === 'accept_remedy' || action === 'request_remedy_changes') && status !== 'remedy_proposed';

const allows = (action: DisclosureAction, status: DisclosureStatus, facts: DisclosureFacts): boolean =>
  (DISCLOSURE_TRANSITIONS[action] as Transition).from.includes(status) && (facts.remedyWritten || !needsWrittenRemedy(action, status));

/** The states a disclosure may move to next from `status`, in lifecycle order. */
export function allowedNextStatuses(status: DisclosureStatus, facts: DisclosureFacts = NO_REMEDY): DisclosureStatus[] {
  const next = new Set<DisclosureStatus>();
  for (const action of Object.keys(DISCLOSURE_TRANSITIONS) as DisclosureAction[]) {
    if (allows(action, status, facts)) next.add(DISCLOSURE_TRANSITIONS[action].to);
  }
  return DISCLOSURE_STATUSES.filter((s) => next.has(s));
}

export type TransitionCheck = { ok: true; to: DisclosureStatus } | { ok: false; message: string };

/** Whether `action` may happen to a disclosure that is `status`; the refusal names the allowed next states. */
export function checkTransition(action: DisclosureAction, status: DisclosureStatus, facts: DisclosureFacts = NO_REMEDY): TransitionCheck {
  const transition: Transition = DISCLOSURE_TRANSITIONS[action];
  if (allows(action, status, facts)) return { ok: true, to: transition.to };
  if (transition.from.includes(status)) {
    return {
      ok: false,
      message: `Cannot ${action.replaceAll('_', ' ')} yet: no remedy with a due date has been written for this disclosure`,
    };
  }
  const next = allowedNextStatuses(status, facts);
  const allowed = next.length ? `allowed next: ${next.join(', ')}` : 'it allows no further step';
  return { ok: false, message: `Cannot ${action.replaceAll('_', ' ')} a disclosure that is ${status}; ${allowed}` };
}

/** Whether the client can see a disclosure in this status. */
export const isDisclosed = (status: DisclosureStatus): boolean => !UNDISCLOSED_STATUSES.includes(status);
