import { z } from 'zod/mini';
import type { ClientAccount, ClientAccountInput, ClientAccountPatch } from './client-account-endpoints';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

export const clientSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, m('clientNameRequired')), z.maxLength(200, m('clientNameTooLong'))),
  billingEmail: z.union([z.literal(''), z.email(m('emailInvalid'))]),
  notes: z.string().check(z.maxLength(5000, m('notesTooLong'))),
});

export type ClientForm = z.infer<typeof clientSchema>;

/** The form starts from the account as it is (or empty for a new one). */
export function clientFormValues(account?: ClientAccount): ClientForm {
  return { name: account?.name ?? '', billingEmail: account?.billingEmail ?? '', notes: account?.notes ?? '' };
}

/** Empty optional fields are left out rather than sent as blanks. */
export function toCreateInput(form: ClientForm): ClientAccountInput {
  const billingEmail = form.billingEmail.trim();
  const notes = form.notes.trim();
  return { name: form.name, ...(billingEmail && { billingEmail }), ...(notes && { notes }) };
}

/**
 * Only what changed. The API cannot clear a billing email, so emptying that field keeps the old one;
 * notes can be emptied.
 */
export function toPatch(before: ClientAccount, form: ClientForm): ClientAccountPatch {
  const billingEmail = form.billingEmail.trim();
  const notes = form.notes.trim();
  return {
    ...(form.name !== before.name && { name: form.name }),
    ...(billingEmail && billingEmail !== before.billingEmail && { billingEmail }),
    ...(notes !== (before.notes ?? '') && { notes }),
  };
}
