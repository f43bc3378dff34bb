import type { EngagementKey } from './clients-and-engagements';

/** One entry: weeks before the current one (0 = this week), weekday (0 = Monday), local start, minutes, notes. */
export interface DemoEntry {
  engagement: EngagementKey;
  week: number;
  day: number;
  at: string;
  minutes: number;
  notes: string;
  billable?: boolean;
}

export type WeekState = 'approved' | 'submitted' | 'draft';

/** Per engagement and weeks back: approved weeks, weeks waiting for the client, and this week's drafts. */
export const WEEK_STATES: Record<EngagementKey, Record<number, WeekState>> = {
  inbox: { 3: 'approved', 2: 'approved', 1: 'submitted', 0: 'draft' },
  social: { 2: 'approved', 1: 'submitted', 0: 'draft' },
  onboarding: { 0: 'draft' },
};

/* prettier-ignore */
export const ENTRIES: DemoEntry[] = [
  { engagement: 'inbox', week: 3, day: 0, at: '08:30', minutes: 90, notes: 'Cleared the weekend backlog in the orders inbox (64 emails); flagged 3 wholesale enquiries for Clara.' },
  { engagement: 'inbox', week: 3, day: 2, at: '09:00', minutes: 60, notes: 'Rescheduled the flour supplier call and sent the new invite to both sides.' },
  { engagement: 'inbox', week: 3, day: 4, at: '14:00', minutes: 75, notes: 'Answered catering requests for December and drafted two quotes from the price list.' },
  { engagement: 'inbox', week: 2, day: 0, at: '08:30', minutes: 80, notes: 'Inbox triage; filed invoices from Müller Mühle and Dairy Co. into the shared drive.' },
  { engagement: 'inbox', week: 2, day: 3, at: '10:15', minutes: 45, notes: 'Booked the kitchen inspection and added the reminder to the team calendar.' },
  { engagement: 'inbox', week: 1, day: 0, at: '08:30', minutes: 95, notes: 'Inbox triage after the market weekend; 12 customer questions answered from the FAQ.' },
  { engagement: 'inbox', week: 1, day: 1, at: '13:00', minutes: 30, notes: 'Call with the packaging supplier about the late box delivery; new date is Friday.' },
  { engagement: 'inbox', week: 1, day: 3, at: '09:00', minutes: 70, notes: 'Prepared the Christmas order form and sent it to the 40 regular customers.' },
  { engagement: 'inbox', week: 1, day: 4, at: '15:30', minutes: 20, notes: 'Internal: tidied the inbox rules.', billable: false },
  { engagement: 'inbox', week: 0, day: 0, at: '08:30', minutes: 85, notes: 'Monday inbox triage; forwarded two job applications to Clara.' },
  { engagement: 'inbox', week: 0, day: 0, at: '11:00', minutes: 40, notes: 'Confirmed the Saturday market stall and paid the fee from the business card.' },
  { engagement: 'social', week: 2, day: 1, at: '10:00', minutes: 120, notes: 'Planned the November content calendar: 12 posts around the stollen launch.' },
  { engagement: 'social', week: 2, day: 3, at: '09:30', minutes: 90, notes: 'Edited the bakery photos from the shoot and scheduled 5 Instagram posts.' },
  { engagement: 'social', week: 1, day: 1, at: '10:00', minutes: 105, notes: 'Wrote captions in English and German for the stollen week; scheduled them.' },
  { engagement: 'social', week: 1, day: 2, at: '16:00', minutes: 45, notes: 'Replied to comments and direct messages; passed a complaint about a late order to Clara.' },
  { engagement: 'social', week: 1, day: 4, at: '11:00', minutes: 60, notes: 'Monthly report: reach up 18 %, top post was the sourdough video.' },
  { engagement: 'social', week: 0, day: 0, at: '13:30', minutes: 50, notes: 'Drafted the Advent calendar giveaway post and the rules page.' },
  { engagement: 'onboarding', week: 0, day: 0, at: '15:00', minutes: 60, notes: 'Wrote the welcome email sequence outline (4 emails) for new studio clients.' },
];
