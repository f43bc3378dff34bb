import { z } from 'zod/mini';
import { validationMessage as m } from './i18n/validation-messages';

// zod/mini rather than zod: the same checks at a fraction of the download, since sign-in needs them first.

/** A required email address, trimmed; "missing" and "malformed" are told apart. */
export function emailField() {
  return z.pipe(z.string().check(z.trim(), z.minLength(1, m('emailRequired'))), z.email(m('emailInvalid')));
}
