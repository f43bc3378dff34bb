/** How a person wants one kind of email: at once, gathered into the 08:00 digest, or not at all. */
export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface NotificationEvent {
  /** Who gets it: the client's people, the agency's staff, or both. */
  audience: 'client' | 'staff' | 'both';
  /** Must reach its reader (a disclosure made to a client, a remedy awaiting their sign-off): digest allowed, off not. */
  required: boolean;
  /** Several of these on one thread within a few minutes become one email. */
  coalesces?: boolean;
}

/**
 * The kinds of email a person can choose about, by template name. Emails not listed here (an
 * invitation, sign-in and security emails, the digest itself) are always sent at once.
 */
export const NOTIFICATION_EVENTS = {
  disclosure_disclosed: { audience: 'client', required: true },
  disclosure_remedy_proposed: { audience: 'client', required: true },
  disclosure_resolved: { audience: 'client', required: false },
  disclosure_comment: { audience: 'both', required: false, coalesces: true },
  offer_made: { audience: 'client', required: false },
  offer_expiring: { audience: 'client', required: false },
  follow_up_check_in: { audience: 'client', required: false },
  week_submitted: { audience: 'client', required: false },
  deliverable_delivered: { audience: 'client', required: false },
  week_approved: { audience: 'staff', required: false },
  week_disputed: { audience: 'staff', required: false },
  timer_auto_stopped: { audience: 'staff', required: false },
  retainer_threshold: { audience: 'staff', required: false },
  disclosure_review_requested: { audience: 'staff', required: false },
  disclosure_remedy_accepted: { audience: 'staff', required: false },
  disclosure_remedy_changes_requested: { audience: 'staff', required: false },
  disclosure_overdue: { audience: 'staff', required: false },
  offer_accepted: { audience: 'staff', required: false },
  offer_declined: { audience: 'staff', required: false },
  follow_up_retrospective: { audience: 'staff', required: false },
  deliverable_changes_requested: { audience: 'staff', required: false },
  deliverable_approved: { audience: 'staff', required: false },
  deliverable_due_tomorrow: { audience: 'staff', required: false },
  deliverable_late: { audience: 'staff', required: false },
} as const satisfies Record<string, NotificationEvent>;

export type NotificationEventName = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_NAMES = Object.keys(NOTIFICATION_EVENTS) as NotificationEventName[];

export function isNotificationEvent(name: string): name is NotificationEventName {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_EVENTS, name);
}

/** The event an email belongs to (a coalesced burst of comments is still the comment event), or null. */
export function eventOfTemplate(template: string): NotificationEventName | null {
  const name = template === 'disclosure_comments' ? 'disclosure_comment' : template;
  return isNotificationEvent(name) ? name : null;
}

/** Whether `mode` may be chosen for `event`; a required event refuses `off`. */
export function modeAllowed(event: NotificationEventName, mode: DeliveryMode): boolean {
  return !(mode === 'off' && NOTIFICATION_EVENTS[event].required);
}

/** Events a person with this kind of role hears about. */
export function eventsFor(audience: 'client' | 'staff'): NotificationEventName[] {
  return NOTIFICATION_EVENT_NAMES.filter((e) => NOTIFICATION_EVENTS[e].audience === audience || NOTIFICATION_EVENTS[e].audience === 'both');
}

/** Time zones a person may pick: the IANA names the runtime knows, plus UTC. */
export function isTimeZone(zone: string): boolean {
  if (zone === 'UTC') return true;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0 && zone.length <= 64;
  } catch {
    return false;
  }
}
