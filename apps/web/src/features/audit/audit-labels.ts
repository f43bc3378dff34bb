/**
 * Audit actions read as "<what> · <what happened>" in the reader's language. The API names them
 * `<subject>.<verb>` (disclosure.disclosed, deliverable.version_delivered, timer.auto_stopped); a
 * subject or verb this build does not know yet is shown as words rather than hidden.
 */
export const AUDIT_SUBJECTS = [
  'client_account',
  'deliverable',
  'disclosure',
  'engagement',
  'invitation',
  'remedy_policy',
  'share_link',
  'tenant',
  'timer',
  'timesheet_week',
  'work_log',
  'notification',
  'api_key',
] as const;

export const AUDIT_VERBS = [
  'created',
  'updated',
  'deleted',
  'saved',
  'removed',
  'accepted',
  'revoked',
  'approved',
  'disputed',
  'submitted',
  'adjusted',
  'dispute_answered',
  'confidentiality_accepted',
  'rate_added',
  'started',
  'stopped',
  'auto_stopped',
  'submitted_for_review',
  'returned_to_draft',
  'disclosed',
  'acknowledged',
  'remedy_proposed',
  'remedy_accepted',
  'remedy_changes_requested',
  'remediation_started',
  'resolved',
  'closed',
  'escalated',
  'offer_made',
  'offer_accepted',
  'offer_declined',
  'offer_withdrawn',
  'offer_applied',
  'offer_expired',
  'offer_expiry_warned',
  'check_in_answered',
  'follow_up_done',
  'follow_up_skipped',
  'follow_up_reminded',
  'version_delivered',
  'changes_requested',
  'revision_request_accepted',
  'revision_request_declined',
  'due_reminded',
  'marked_late',
  'resent',
] as const;

export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];
export type AuditVerb = (typeof AUDIT_VERBS)[number];

const has = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

export type ReadableAction = { subject: AuditSubject | null; subjectWords: string; verb: AuditVerb | null; verbWords: string };

/** Splits an action into its known subject and verb (or words for the ones not known here). */
export function readAction(action: string): ReadableAction {
  const dot = action.indexOf('.');
  const subject = dot === -1 ? '' : action.slice(0, dot);
  const verb = dot === -1 ? action : action.slice(dot + 1);
  const words = (value: string) => value.replace(/[._-]+/g, ' ').trim();
  return {
    subject: has(AUDIT_SUBJECTS, subject) ? subject : null,
    subjectWords: words(subject),
    verb: has(AUDIT_VERBS, verb) ? verb : null,
    verbWords: words(verb),
  };
}

/** Where the row an event is about can be opened, when the web app has a page for it. */
export function entityPath(entityType: string, entityId: string): string | null {
  switch (entityType) {
    case 'disclosure':
      return `/disclosures/${entityId}`;
    case 'deliverable':
      return `/deliverables/${entityId}`;
    case 'engagement':
      return `/engagements/${entityId}`;
    case 'client_account':
      return `/clients/${entityId}`;
    default:
      return null;
  }
}
