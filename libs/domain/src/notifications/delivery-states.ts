/** An email in trouble: failed for good, or still being retried. */
export const DELIVERY_TROUBLE_STATES = ['failed', 'retrying'] as const;
export type DeliveryTroubleState = (typeof DELIVERY_TROUBLE_STATES)[number];
