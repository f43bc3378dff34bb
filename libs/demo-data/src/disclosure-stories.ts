import type { DisclosureWords } from '@candor/testing';
import type { DemoPeople } from './tenant-and-people';

type Person = keyof DemoPeople;
type Visibility = 'client' | 'internal';

/** A step of the timeline: days ago, who (null: the system), action, from status, to status, visibility. */
export type StoryEvent = [daysAgo: number, actor: Person, action: string, from: string | null, to: string | null, visibility: Visibility];

/** One disclosure of the demo, its history in days ago (negative: still ahead), and what came with it. */
export interface DisclosureStory {
  engagement: 'inbox' | 'social';
  category: string;
  severity: string;
  detectedBy: 'self' | 'teammate' | 'client';
  status: string;
  days: { occurred: number; discovered: number; remedyDue: number } & Partial<
    Record<'disclosed' | 'acknowledged' | 'remedyProposed' | 'remedyAccepted' | 'resolved' | 'closed', number>
  >;
  words: DisclosureWords;
  events: StoryEvent[];
  offer?: {
    kind: string;
    value: string | null;
    currency: string | null;
    note: string;
    status: 'offered' | 'accepted';
    made: number;
    expires: number;
    decided?: number;
  };
  comments?: [author: Person, visibility: Visibility, body: string, daysAgo: number][];
  followUps?: {
    kind: 'client_check_in' | 'team_retrospective';
    due: number;
    status: 'pending' | 'done';
    outcome?: string;
    resolved?: boolean;
    rating?: number;
    by?: Person;
    done?: number;
  }[];
}

/**
 * Errors told to Acme Bakery at every stage: waiting for Clara's remedy sign-off with an open credit
 * offer, resolved with a check-in open, closed weeks ago (the service record and analytics have
 * history), and Ada's draft in review past the 24-hour deadline.
 */
export const DISCLOSURE_STORIES: DisclosureStory[] = [
  {
    engagement: 'inbox',
    category: 'missed_deadline',
    severity: 'medium',
    detectedBy: 'self',
    status: 'remedy_proposed',
    days: { occurred: 3.2, discovered: 2.4, disclosed: 2.3, acknowledged: 2.1, remedyProposed: 1.1, remedyDue: -2 },
    words: {
      whatHappened:
        "We confirmed Thursday's flour order with the mill a day after their cut-off, so the delivery moved from Thursday to Friday morning.",
      impact:
        "Friday's first bake runs on the reserve flour: the sourdough range is smaller until about 10:00, and the wholesale café order leaves an hour later.",
      apology: 'We are sorry. Sending the order on time was our job, and we let it slip.',
      remedyPlan:
        'We have called the café to agree the later drop-off, and we are setting up a standing weekly order with the mill so the cut-off no longer depends on a reminder.',
      rootCause: 'The mill moved its cut-off from 14:00 to 12:00 and our checklist still said 14:00.',
      contributingFactors: 'Two supplier changes in one week; the checklist is updated by hand.',
      lessonsLearned: 'Supplier deadlines belong in the shared calendar, not in a checklist someone has to remember to edit.',
      preventiveActions: 'Standing order with the mill; supplier cut-offs as calendar events with an alert two hours before.',
    },
    events: [
      [2.4, 'assistant', 'created', null, 'draft', 'internal'],
      [2.35, 'assistant', 'offer_made', null, null, 'internal'],
      [2.3, 'assistant', 'disclosed', 'draft', 'disclosed', 'client'],
      [2.1, 'clientMember', 'acknowledged', 'disclosed', 'acknowledged', 'client'],
      [1.1, 'assistant', 'remedy_proposed', 'acknowledged', 'remedy_proposed', 'client'],
    ],
    offer: {
      kind: 'credit',
      value: '25.00',
      currency: 'EUR',
      note: 'Off your next invoice, for the smaller Friday range.',
      status: 'offered',
      made: 2.35,
      expires: -12,
    },
    comments: [
      ['clientMember', 'client', 'Thanks for telling us straight away. The café was fine with 8:30.', 2.0],
      ['manager', 'internal', "Good catch, Ada. Let's review all supplier cut-offs on Monday.", 1.9],
    ],
  },
  {
    engagement: 'social',
    category: 'copy_error',
    severity: 'high',
    detectedBy: 'client',
    status: 'resolved',
    days: {
      occurred: 12,
      discovered: 11.6,
      disclosed: 11.5,
      acknowledged: 11.3,
      remedyProposed: 11.2,
      remedyAccepted: 11.1,
      resolved: 1,
      remedyDue: 10,
    },
    words: {
      whatHappened:
        'We posted the Christmas opening hours from last year on Instagram and Facebook: 24 December showed as open until 18:00 instead of 13:00.',
      impact: 'The post reached about 3,400 followers; some may come by in the afternoon of the 24th and find the shop closed.',
      apology: 'We are sorry. Holiday hours are exactly the kind of detail we are here to get right.',
      remedyPlan:
        'We corrected both posts within the hour, pinned a short correction story and answer every comment that asks about the 24th.',
      resolutionSummary:
        'Both posts were corrected, the pinned story ran for 48 hours and we answered 17 comments and messages about the hours.',
      preventionSummary:
        'Every post with dates or opening hours is now checked against the shop calendar by a second person before it goes out.',
      rootCause: "The post was duplicated from last year's campaign and the hours block was not re-checked.",
      lessonsLearned: "Duplicating last year's posts saves time but carries old facts; dates need a fresh check every time.",
      preventiveActions: "Second-person check for any post with dates; a 'facts to verify' field in the post template.",
    },
    events: [
      [11.6, 'assistant', 'created', null, 'draft', 'internal'],
      [11.5, 'assistant', 'disclosed', 'draft', 'disclosed', 'client'],
      [11.3, 'clientAdmin', 'acknowledged', 'disclosed', 'acknowledged', 'client'],
      [11.2, 'assistant', 'remedy_proposed', 'acknowledged', 'remedy_proposed', 'client'],
      [11.1, 'clientAdmin', 'remedy_accepted', 'remedy_proposed', 'remedy_accepted', 'client'],
      [11.0, 'assistant', 'offer_made', null, null, 'client'],
      [10.8, 'clientAdmin', 'offer_accepted', null, null, 'client'],
      [11.0, 'assistant', 'remediation_started', 'remedy_accepted', 'in_remediation', 'client'],
      [1, 'assistant', 'resolved', 'in_remediation', 'resolved', 'client'],
    ],
    offer: {
      kind: 'discount_next_project',
      value: '10',
      currency: null,
      note: '10% off the spring campaign.',
      status: 'accepted',
      made: 11.0,
      expires: -3,
      decided: 10.8,
    },
    comments: [['clientAdmin', 'client', 'Thanks for fixing it so quickly. Please double-check the Easter hours too.', 10.9]],
    followUps: [
      { kind: 'client_check_in', due: -2, status: 'pending' },
      { kind: 'team_retrospective', due: -6, status: 'pending' },
    ],
  },
  {
    engagement: 'inbox',
    category: 'double_booking',
    severity: 'low',
    detectedBy: 'teammate',
    status: 'closed',
    days: {
      occurred: 40,
      discovered: 39.8,
      disclosed: 39.7,
      acknowledged: 39.5,
      remedyProposed: 39.5,
      remedyAccepted: 39.4,
      resolved: 38,
      closed: 30,
      remedyDue: 38.5,
    },
    words: {
      whatHappened: "We booked the flour mill's sales call and the health inspector's visit for the same Tuesday at 10:00.",
      impact: "The sales call had to move, and the mill's spring prices were confirmed two days later than planned.",
      apology: 'We are sorry for the scramble that morning.',
      remedyPlan: "We moved the sales call to Thursday and confirmed the inspector's visit in writing.",
      resolutionSummary: 'The call took place on Thursday; the spring prices were confirmed the same day.',
      preventionSummary: 'We now book appointments only in your shared calendar, never from email alone.',
      rootCause: "The inspector's visit was agreed by email and never entered in the shared calendar.",
      lessonsLearned: 'Anything agreed by email goes into the calendar before the email is archived.',
      preventiveActions: 'Calendar-first booking; a weekly look at the next two weeks every Friday.',
    },
    events: [
      [39.8, 'assistant', 'created', null, 'draft', 'internal'],
      [39.7, 'assistant', 'disclosed', 'draft', 'disclosed', 'client'],
      [39.5, 'clientAdmin', 'acknowledged', 'disclosed', 'acknowledged', 'client'],
      [39.5, 'assistant', 'remedy_proposed', 'acknowledged', 'remedy_proposed', 'client'],
      [39.4, 'clientAdmin', 'remedy_accepted', 'remedy_proposed', 'remedy_accepted', 'client'],
      [39.3, 'assistant', 'remediation_started', 'remedy_accepted', 'in_remediation', 'client'],
      [38, 'assistant', 'resolved', 'in_remediation', 'resolved', 'client'],
      [35, 'clientAdmin', 'check_in_answered', null, null, 'client'],
      [33, 'manager', 'follow_up_done', null, null, 'internal'],
      [30, 'manager', 'closed', 'resolved', 'closed', 'client'],
    ],
    followUps: [
      {
        kind: 'client_check_in',
        due: 35,
        status: 'done',
        resolved: true,
        rating: 5,
        by: 'clientAdmin',
        done: 35,
        outcome: 'All good, thank you.',
      },
      {
        kind: 'team_retrospective',
        due: 31,
        status: 'done',
        by: 'manager',
        done: 33,
        outcome: 'Calendar-first booking agreed with the whole team.',
      },
    ],
  },
  {
    engagement: 'inbox',
    category: 'data_handling',
    severity: 'high',
    detectedBy: 'self',
    status: 'in_review',
    days: { occurred: 1.6, discovered: 1.3, remedyDue: -1 },
    words: {
      whatHappened:
        'We shared the wholesale price list in the events channel, where a freelance photographer outside Acme Bakery could read it for about two hours.',
      impact: 'Your wholesale prices were visible to one person outside the company. We have no sign that they were copied or passed on.',
      apology: 'We are sorry. Your prices are confidential and we should have checked who was in the channel.',
      remedyPlan:
        'We removed the file, asked the photographer to confirm they kept no copy, and moved price lists to a folder only your staff can open.',
      rootCause: 'The events channel had a guest added for the summer fair; the channel list looked the same as the staff channel.',
      contributingFactors: 'Guest accounts are not marked in the channel list; the file was shared from a phone.',
      lessonsLearned: 'Check the member list before posting anything with prices or personal data.',
      preventiveActions: "Guests get a separate channel with a 'guest' prefix; price lists are shared as links to the restricted folder.",
    },
    events: [
      [1.3, 'assistant', 'created', null, 'draft', 'internal'],
      [1.25, 'assistant', 'updated', null, null, 'internal'],
      [1.2, 'assistant', 'submitted_for_review', 'draft', 'in_review', 'internal'],
    ],
    comments: [['assistant', 'internal', 'Photographer confirmed by message that the file is deleted. Could someone review today?', 1.1]],
  },
];
