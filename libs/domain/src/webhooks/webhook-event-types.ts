/**
 * The events an endpoint may subscribe to, in the order the settings page lists them. Names are
 * frozen once released: receivers switch on them. `webhook.test` is not subscribable: it goes to the
 * one endpoint whose owner asked for it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'disclosure.disclosed',
  'disclosure.remedy_accepted',
  'disclosure.resolved',
  'offer.accepted',
  'week.submitted',
  'week.approved',
  'week.disputed',
  'deliverable.delivered',
  'deliverable.approved',
  'member.joined',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** The payload's shape version: bumped only by a change a receiver could trip on. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** How many days an endpoint may fail before the worker turns it off, unless the worker is told otherwise. */
export const WEBHOOK_DISABLE_AFTER_DAYS = 5;
