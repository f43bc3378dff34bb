import { z } from 'zod/mini';
import { validationMessage as m } from '../../lib/i18n/validation-messages';

/** The API's rule for new passwords. */
export const MIN_PASSWORD_LENGTH = 12;

const displayName = z.string().check(z.trim(), z.minLength(1, m('nameRequired')), z.maxLength(120, m('nameTooLong')));

/** A new account chooses a password (typed twice); an existing account proves it knows its current one. */
export function acceptInviteSchema(existingAccount: boolean) {
  if (existingAccount) {
    return z.object({
      displayName,
      password: z.string().check(z.minLength(1, m('passwordRequired'))),
      confirmPassword: z.string(),
    });
  }
  return z
    .object({
      displayName,
      password: z.string().check(z.minLength(MIN_PASSWORD_LENGTH, m('passwordTooShort')), z.maxLength(200, m('passwordTooLong'))),
      confirmPassword: z.string(),
    })
    .check(
      z.refine((form) => form.password === form.confirmPassword, {
        path: ['confirmPassword'],
        message: m('passwordsDiffer'),
      }),
    );
}

export type AcceptInviteForm = z.infer<ReturnType<typeof acceptInviteSchema>>;
