import { z } from 'zod/mini';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { emailField } from '../../lib/validation';

export const loginSchema = z.object({
  email: emailField(),
  password: z.string().check(z.minLength(1, m('passwordRequired'))),
  /** Only needed when the email belongs to several workspaces. */
  workspace: z.string().check(z.trim()),
});

export type LoginForm = z.infer<typeof loginSchema>;
