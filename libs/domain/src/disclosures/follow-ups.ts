/** The follow-ups a resolution opens, and where each stands. */
export const FOLLOW_UP_KINDS = ['client_check_in', 'team_retrospective'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['pending', 'done', 'skipped'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
