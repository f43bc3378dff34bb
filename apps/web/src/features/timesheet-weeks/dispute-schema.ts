import { z } from 'zod/mini';
import type { DisputedEntry } from './timesheet-week-endpoints';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

/** Per entry of the week: disputed or not, and the client's question about it. */
export const disputeSchema = z
  .object({
    entries: z.record(
      z.string(),
      z.object({ disputed: z.boolean(), comment: z.string().check(z.trim(), z.maxLength(5000, m('commentTooLong'))) }),
    ),
  })
  .check(
    z.refine((form) => Object.values(form.entries).some((entry) => entry.disputed), { message: m('disputeChooseEntry'), path: ['root'] }),
    z.superRefine((form, context) => {
      for (const [id, entry] of Object.entries(form.entries)) {
        if (entry.disputed && !entry.comment) {
          context.issues.push({
            code: 'custom',
            message: m('disputeCommentRequired'),
            path: ['entries', id, 'comment'],
            input: entry.comment,
          });
        }
      }
    }),
  );

export type DisputeForm = z.infer<typeof disputeSchema>;

export function disputeFormValues(entryIds: string[]): DisputeForm {
  return { entries: Object.fromEntries(entryIds.map((id) => [id, { disputed: false, comment: '' }])) };
}

export function toDisputedEntries(form: DisputeForm): DisputedEntry[] {
  return Object.entries(form.entries)
    .filter(([, entry]) => entry.disputed)
    .map(([workLogId, entry]) => ({ workLogId, comment: entry.comment }));
}
