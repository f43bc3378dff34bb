/** Where an engagement stands; only an active one takes new work. */
export const ENGAGEMENT_STATUSES = ['active', 'paused', 'completed'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];
