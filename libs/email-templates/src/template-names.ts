/** One line of a digest's "waiting for you" section: client-safe words and the page to open. */
export interface WaitingLine {
  kind: string;
  url: string;
  engagementName: string;
  deliverableTitle: string | null;
  /** `YYYY-MM-DD`. */
  weekStart: string | null;
  count: number;
}

/** The payload most notices carry: the facts their sentences name, plus the reader's name and a link. */
export type NoticePayload = Record<string, unknown>;

/** The daily digest: the held emails (what happened) and what waits for the reader. */
export interface DigestPayload {
  tenantName: string;
  recipientName: string;
  /** How many held emails are listed. */
  count: number;
  url: string;
  items: { template: TemplateName; payload: NoticePayload }[];
  /** How many things wait (a line may stand for several, e.g. disputed entries). */
  waitingCount: number;
  waiting: WaitingLine[];
}

/** Several comments on one thread, gathered into one email. */
export type CommentsPayload = NoticePayload & { count: number; items: { actorName: unknown; comment: unknown }[] };

/**
 * Every email template by name, with its payload type: the API's outbox writes and the worker take
 * a `TemplateName`, so a misspelt template is a compile error, not a failed delivery.
 */
export interface TemplatePayloads {
  invitation: NoticePayload;
  week_submitted: NoticePayload;
  week_approved: NoticePayload;
  week_disputed: NoticePayload;
  timer_auto_stopped: NoticePayload;
  retainer_threshold: NoticePayload;
  disclosure_review_requested: NoticePayload;
  disclosure_disclosed: NoticePayload;
  disclosure_remedy_proposed: NoticePayload;
  disclosure_remedy_accepted: NoticePayload;
  disclosure_remedy_changes_requested: NoticePayload;
  disclosure_resolved: NoticePayload;
  disclosure_comment: NoticePayload;
  disclosure_overdue: NoticePayload;
  offer_made: NoticePayload;
  offer_accepted: NoticePayload;
  offer_declined: NoticePayload;
  offer_expiring: NoticePayload;
  follow_up_check_in: NoticePayload;
  follow_up_retrospective: NoticePayload;
  deliverable_delivered: NoticePayload;
  deliverable_changes_requested: NoticePayload;
  deliverable_approved: NoticePayload;
  deliverable_due_tomorrow: NoticePayload;
  deliverable_late: NoticePayload;
  disclosure_comments: CommentsPayload;
  daily_digest: DigestPayload;
  email_confirm: NoticePayload;
  signup_existing: NoticePayload;
  password_reset: NoticePayload;
  magic_link: NoticePayload;
  email_change_confirm: NoticePayload;
  email_change_notice: NoticePayload;
  password_changed: NoticePayload;
  webhook_endpoint_disabled: NoticePayload;
  invoice_sent: NoticePayload;
  invoice_payment_recorded: NoticePayload;
  invoice_voided: NoticePayload;
  credit_note_issued: NoticePayload;
  invoice_overdue: NoticePayload;
}

export type TemplateName = keyof TemplatePayloads;
