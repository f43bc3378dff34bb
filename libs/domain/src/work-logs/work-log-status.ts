/** The states a time entry can be listed by (an approved week locks its entries). */
export const WORK_LOG_STATUSES = ['draft', 'submitted', 'disputed', 'locked'] as const;
export type WorkLogStatus = (typeof WORK_LOG_STATUSES)[number];
