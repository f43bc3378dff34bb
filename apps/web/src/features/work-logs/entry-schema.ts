import { z } from 'zod/mini';
import type { WorkLog, WorkLogInput, WorkLogPatch } from './work-log-endpoints';
import { toLocalInput } from '../../lib/format';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

const TIME = /^\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const entryFields = z.object({
  engagementId: z.string().check(z.minLength(1, m('engagementRequired'))),
  day: z.string().check(z.regex(DAY, m('dayRequired'))),
  start: z.string().check(z.regex(TIME, m('timeRequired'))),
  end: z.string().check(z.regex(TIME, m('timeRequired'))),
  notes: z.string().check(z.trim(), z.maxLength(5000, m('notesTooLong'))),
  billable: z.boolean(),
  /** A disclosure of the engagement this time puts right ('' for none): then never billed. */
  disclosureId: z.string(),
});

export type EntryForm = z.infer<typeof entryFields>;

const sameSpan = (a: Pick<EntryForm, 'day' | 'start' | 'end'>, b: Pick<EntryForm, 'day' | 'start' | 'end'>) =>
  a.day === b.day && a.start === b.start && a.end === b.end;

/**
 * A time entry as the reader types it: a day and two times of day in their own time zone. An end before
 * the start means the work went past midnight. Times left as they were are fine even within one minute
 * (a timer stopped after a few seconds): the form shows minutes, the entry keeps its seconds.
 */
export function entrySchema(initial?: EntryForm) {
  return entryFields.check(
    z.refine((form) => form.start !== form.end || (initial !== undefined && sameSpan(form, initial)), {
      message: m('endAfterStart'),
      path: ['end'],
    }),
  );
}

/** Start and end as instants; the end rolls into the next day when it is earlier than the start. */
export function entrySpan(form: Pick<EntryForm, 'day' | 'start' | 'end'>): { startedAt: string; endedAt: string } {
  const start = new Date(`${form.day}T${form.start}`);
  const end = new Date(`${form.day}T${form.end}`);
  if (end <= start) end.setDate(end.getDate() + 1);
  return { startedAt: start.toISOString(), endedAt: end.toISOString() };
}

export function toWorkLogInput(form: EntryForm): WorkLogInput {
  if (form.disclosureId)
    return { engagementId: form.engagementId, ...entrySpan(form), notes: form.notes, billable: false, disclosureId: form.disclosureId };
  return { engagementId: form.engagementId, ...entrySpan(form), notes: form.notes, billable: form.billable };
}

/** Only what changed on an entry; times as typed (to the minute) are compared with the entry as the form showed it. */
export function toWorkLogPatch(before: WorkLog, form: Omit<EntryForm, 'disclosureId'>): WorkLogPatch {
  const moved = !sameSpan(form, entryFormValues(before));
  return {
    ...(moved && entrySpan(form)),
    ...(form.notes !== before.notes && { notes: form.notes }),
    ...(form.billable !== before.billable && { billable: form.billable }),
  };
}

/** The form for a new entry (the last hour, today) or for an existing one. */
export function entryFormValues(entry?: WorkLog, now = new Date()): EntryForm {
  if (entry) {
    const start = toLocalInput(new Date(entry.startedAt));
    const end = toLocalInput(new Date(entry.endedAt ?? entry.startedAt));
    return {
      engagementId: entry.engagementId,
      day: start.slice(0, 10),
      start: start.slice(11),
      end: end.slice(11),
      notes: entry.notes,
      billable: entry.billable,
      disclosureId: entry.disclosureId ?? '',
    };
  }
  const end = new Date(now);
  end.setSeconds(0, 0);
  end.setMinutes(end.getMinutes() - (end.getMinutes() % 15));
  const start = new Date(end.getTime() - 3600_000);
  const startLocal = toLocalInput(start);
  return {
    engagementId: '',
    day: startLocal.slice(0, 10),
    start: startLocal.slice(11),
    end: toLocalInput(end).slice(11),
    notes: '',
    billable: true,
    disclosureId: '',
  };
}
