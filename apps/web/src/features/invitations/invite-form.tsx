import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SelectField, SubmitButton, SuccessNotice, TextField } from '../../ui';
import type { ClientAccount } from '../client-accounts/client-account-endpoints';
import { LOCALE_NAMES, LOCALES } from '../../lib/i18n/locales';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { isClientRole, type InvitableRole } from '@candor/domain';
import { useCreateInvitation } from './invitation-queries';
import { inviteSchema, toInvitationInput, type InviteForm as InviteFormValues } from './invite-schema';

/**
 * Invite a teammate or a client contact. A client admin invites only to their own account, so the
 * account is fixed for them (`ownClientAccountId`); staff pick it from the agency's clients.
 */
export function InviteForm({
  roles,
  clients,
  ownClientAccountId,
}: {
  roles: InvitableRole[];
  clients: ClientAccount[];
  ownClientAccountId: string | null;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const invite = useCreateInvitation();
  const [sentTo, setSentTo] = useState<string | null>(null);

  const defaults: InviteFormValues = { email: '', role: roles[0] ?? '', clientAccountId: ownClientAccountId ?? '', locale: '' };
  const form = useForm<InviteFormValues>({ resolver: zodResolver(inviteSchema(roles)), defaultValues: defaults });
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' }) as InvitableRole;
  const chooseClient = isClientRole(role) && ownClientAccountId === null;

  const onSubmit = form.handleSubmit((values) => {
    if (invite.isPending) return;
    setSentTo(null);
    invite.mutate(toInvitationInput(values), {
      onSuccess: (created) => {
        setSentTo(created.email);
        form.reset({ ...defaults, role: values.role, clientAccountId: values.clientAccountId });
        form.setFocus('email');
      },
    });
  });

  const conflict = t('team.invite.alreadyMember', { email: invite.variables?.email ?? '' });
  return (
    <form className="form form-compact" onSubmit={onSubmit} noValidate aria-label={t('team.invite.title')}>
      <ErrorAlert messages={invite.isError ? errorMessages(invite.error, { 409: conflict }) : []} />
      {sentTo ? <SuccessNotice>{t('team.invite.sent', { email: sentTo })}</SuccessNotice> : null}
      <TextField
        label={t('team.invite.email')}
        type="email"
        autoComplete="off"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        error={fieldError(errors.email)}
        {...form.register('email')}
      />
      <SelectField
        label={t('team.invite.role')}
        hint={roles.includes(role) ? t(`team.roleHints.${role}`) : undefined}
        error={fieldError(errors.role)}
        {...form.register('role')}
      >
        {roles.map((option) => (
          <option key={option} value={option}>
            {t(`roles.${option}`)}
          </option>
        ))}
      </SelectField>
      {chooseClient ? (
        <SelectField
          label={t('team.invite.client')}
          error={fieldError(errors.clientAccountId)}
          hint={clients.length === 0 ? t('team.invite.noClients') : undefined}
          {...form.register('clientAccountId')}
        >
          <option value="">{t('team.invite.chooseClient')}</option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField label={t('team.invite.language')} hint={t('team.invite.languageHint')} {...form.register('locale')}>
        <option value="">{t('team.invite.languageDefault')}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      <SubmitButton pending={invite.isPending}>{t('team.invite.submit')}</SubmitButton>
    </form>
  );
}
