import { z } from 'zod/mini';
import type { InvitationInput } from './invitation-endpoints';
import { validationMessage as m } from '../../lib/i18n/validation-messages';
import { emailField } from '../../lib/validation';
import { isClientRole, type InvitableRole } from '@candor/domain';

/** The invitation form for an inviter who may invite `roles`. */
export function inviteSchema(roles: readonly InvitableRole[]) {
  return z
    .object({
      email: emailField(),
      role: z.string().check(z.refine((role) => (roles as readonly string[]).includes(role), m('roleRequired'))),
      clientAccountId: z.string(),
      /** Empty: the workspace's default language. */
      locale: z.string(),
    })
    .check(
      z.refine((form) => !isClientRole(form.role as InvitableRole) || form.clientAccountId !== '', {
        path: ['clientAccountId'],
        message: m('clientRequired'),
      }),
    );
}

export type InviteForm = z.infer<ReturnType<typeof inviteSchema>>;

/** A staff invitation carries no client account (the API refuses one); empty choices are left out. */
export function toInvitationInput(form: InviteForm): InvitationInput {
  const role = form.role as InvitableRole;
  return {
    email: form.email,
    role,
    ...(isClientRole(role) && { clientAccountId: form.clientAccountId }),
    ...(form.locale && { locale: form.locale }),
  };
}
