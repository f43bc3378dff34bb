import { z } from 'zod/mini';
import type { Deliverable, DeliverableInput, DeliverablePatch, Rounds } from './deliverable-endpoints';
import { toLocalInput } from '../../lib/format';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { DISCLOSURE_CATEGORIES } from '@candor/domain';

const LOCAL_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const deliverableSchema = z.object({
  title: z.string().check(z.trim(), z.minLength(1, m('titleRequired')), z.maxLength(200, m('textTooLong'))),
  description: z.string().check(z.trim(), z.maxLength(5000, m('textTooLong'))),
  assigneeId: z.string(),
  dueAt: z.string().check(z.refine((value) => !value || LOCAL_MOMENT.test(value), m('momentRequired'))),
});

export type DeliverableForm = z.infer<typeof deliverableSchema>;

/** Planning a new deliverable: a due date already past would make it late the moment it exists (the API refuses it too). */
export const newDeliverableSchema = deliverableSchema.check(
  z.refine((form) => !form.dueAt || !LOCAL_MOMENT.test(form.dueAt) || new Date(form.dueAt).getTime() > Date.now(), {
    message: m('dueInPast'),
    path: ['dueAt'],
  }),
);

export const emptyDeliverable = (): DeliverableForm => ({ title: '', description: '', assigneeId: '', dueAt: '' });

/** Empty optional fields are left out; the due date travels as an instant. */
export function toDeliverableInput(engagementId: string, form: DeliverableForm): DeliverableInput {
  return {
    engagementId,
    title: form.title,
    ...(form.description ? { description: form.description } : {}),
    ...(form.assigneeId ? { assigneeId: form.assigneeId } : {}),
    ...(form.dueAt ? { dueAt: new Date(form.dueAt).toISOString() } : {}),
  };
}

/** The form for changing a planned deliverable, from the deliverable as it is. */
export function deliverableFormValues(deliverable: Deliverable): DeliverableForm {
  return {
    title: deliverable.title,
    description: deliverable.description ?? '',
    assigneeId: deliverable.assignee?.id ?? '',
    dueAt: deliverable.dueAt ? toLocalInput(new Date(deliverable.dueAt)) : '',
  };
}

/** Only what changed; an emptied assignee or due date is sent as null (unassigned, no due date). */
export function toDeliverablePatch(before: Deliverable, form: DeliverableForm): DeliverablePatch {
  const was = deliverableFormValues(before);
  return {
    ...(form.title !== was.title && { title: form.title }),
    ...(form.description !== was.description && { description: form.description }),
    ...(form.assigneeId !== was.assigneeId && { assigneeId: form.assigneeId || null }),
    ...(form.dueAt !== was.dueAt && { dueAt: form.dueAt ? new Date(form.dueAt).toISOString() : null }),
  };
}

/**
 * What the client's next request for changes would be, said before they send it: the round it takes
 * and whether it is one of the included rounds or billable beyond them (then the team must accept it).
 */
export function nextRound(rounds: Rounds): { round: number; billable: boolean } {
  return { round: rounds.used + 1, billable: rounds.remaining <= 0 };
}

export interface LateDraft {
  engagementId: string;
  deliverableId?: string;
  category?: (typeof DISCLOSURE_CATEGORIES)[number];
  /** datetime-local value in the reader's time zone */
  occurredAt?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the link of the late-work email (`/disclosures/new?engagementId=..&deliverableId=..&category=..&occurredAt=..`).
 * Anything unreadable is dropped rather than trusted; without an engagement there is nothing to draft.
 */
export function readLateDraft(search: URLSearchParams): LateDraft | null {
  const engagementId = search.get('engagementId') ?? '';
  if (!UUID.test(engagementId)) return null;
  const deliverableId = search.get('deliverableId') ?? '';
  const category = search.get('category') ?? '';
  const occurred = new Date(search.get('occurredAt') ?? '');
  return {
    engagementId,
    ...(UUID.test(deliverableId) ? { deliverableId } : {}),
    ...((DISCLOSURE_CATEGORIES as readonly string[]).includes(category) ? { category: category as LateDraft['category'] } : {}),
    ...(Number.isNaN(occurred.getTime()) ? {} : { occurredAt: toLocalInput(occurred) }),
  };
}

/** Bytes as the reader reads them: "12 kB", "3.4 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
