/** A submitted timesheet week, as the client answers it. */
export const WEEK_STATUSES = ['submitted', 'disputed', 'approved'] as const;
export type WeekStatus = (typeof WEEK_STATUSES)[number];

/** The periods a timesheet report (and a share link to it) covers. */
export const REPORT_PERIODS = ['week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
