import { z } from 'zod/mini';
import type { AdjustmentInput, WorkLog, WorkLogPatch } from '../work-logs/work-log-endpoints';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { entryFormValues, toWorkLogPatch } from '../work-logs/entry-schema';

// The client reads every reason: the API asks for at least three characters.
const reason = z.string().check(z.trim(), z.minLength(3, m('reasonRequired')), z.maxLength(1000, m('textTooLong')));

export const correctionSchema = z.object({
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, m('dayRequired'))),
  start: z.string().check(z.regex(/^\d{2}:\d{2}$/, m('timeRequired'))),
  end: z.string().check(z.regex(/^\d{2}:\d{2}$/, m('timeRequired'))),
  notes: z.string().check(z.trim(), z.maxLength(5000, m('notesTooLong'))),
  billable: z.boolean(),
  reason,
});
export type CorrectionForm = z.infer<typeof correctionSchema>;

export function correctionFormValues(entry: WorkLog): CorrectionForm {
  const { day, start, end, notes, billable } = entryFormValues(entry);
  return { day, start, end, notes, billable, reason: '' };
}

/** What changed on a submitted entry, with the reason the client will read; null when nothing changed. */
export function toCorrection(entry: WorkLog, form: CorrectionForm): WorkLogPatch | null {
  const patch = toWorkLogPatch(entry, { ...form, engagementId: entry.engagementId });
  return Object.keys(patch).length === 0 ? null : { ...patch, reason: form.reason };
}

export const adjustmentSchema = z.object({
  minutes: z.string().check(z.trim(), z.regex(/^[-−+]?\d{1,4}$/, m('minutesInvalid'))),
  notes: z.string().check(z.trim(), z.minLength(1, m('textRequired')), z.maxLength(5000, m('notesTooLong'))),
  reason,
});
export type AdjustmentForm = z.infer<typeof adjustmentSchema>;

/** Minutes to add or (negative, with either minus sign) to take off; 0 and more than a day are refused. */
export function parseMinutes(text: string): number | null {
  const minutes = Number(text.trim().replace('−', '-').replace('+', ''));
  return Number.isInteger(minutes) && minutes !== 0 && Math.abs(minutes) <= 1440 ? minutes : null;
}

export function toAdjustment(form: AdjustmentForm): AdjustmentInput | null {
  const minutes = parseMinutes(form.minutes);
  return minutes === null ? null : { minutes, notes: form.notes, reason: form.reason };
}
