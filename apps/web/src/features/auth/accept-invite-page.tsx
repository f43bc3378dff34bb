import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card, ErrorAlert, Loading, PageTitle, SelectField, SubmitButton, TextField } from '../../ui';
import { acceptInvitation, lookupInvitation, type AcceptInvitationInput, type InvitationLookup } from '../invitations/invitation-endpoints';
import { adoptProfileLocale } from '../../lib/i18n/i18n';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useFormat } from '../../lib/i18n/use-format';
import { timeZoneOptions } from '../me/time-zones';
import { acceptInviteSchema, MIN_PASSWORD_LENGTH, type AcceptInviteForm } from './accept-invite-schema';
import { useStartSession } from './use-start-session';

function InvitationProblem({ messages }: { messages: string[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('accept.problemTitle')} description={t('accept.problemDescription')}>
      <PageTitle>{t('accept.problemTitle')}</PageTitle>
      <ErrorAlert messages={messages} />
      <p className="card-actions">
        <Link to="/login" className="button button-secondary">
          {t('accept.goToSignIn')}
        </Link>
      </p>
    </Card>
  );
}

function InvitedAs({ invitation }: { invitation: InvitationLookup }) {
  return (
    <p>
      <Trans
        i18nKey={`accept.invitedAs.${invitation.role}`}
        values={{ client: invitation.clientName ?? '' }}
        components={{ strong: <strong /> }}
      />
    </p>
  );
}

function AcceptForm({ tenantId, token, invitation }: { tenantId: string; token: string; invitation: InvitationLookup }) {
  const { t } = useTranslation();
  const startSession = useStartSession();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const format = useFormat();
  const existing = invitation.existingAccount;
  const [timeZone, setTimeZone] = useState('');

  const form = useForm<AcceptInviteForm>({
    resolver: zodResolver(acceptInviteSchema(existing)),
    defaultValues: { displayName: '', password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  const accept = useMutation({
    mutationFn: (input: AcceptInvitationInput) => acceptInvitation(input),
    onSuccess: (tokens) => startSession(tokens),
  });

  const onSubmit = form.handleSubmit(({ displayName, password }) => {
    if (!accept.isPending) accept.mutate({ tenantId, token, displayName, password, ...(timeZone && !existing ? { timeZone } : {}) });
  });

  return (
    <Card
      title={t('accept.title', { tenant: invitation.tenantName })}
      description={
        <>
          <InvitedAs invitation={invitation} />
          <p>{existing ? t('accept.introExisting') : t('accept.introNew')}</p>
        </>
      }
    >
      <PageTitle>{t('accept.title', { tenant: invitation.tenantName })}</PageTitle>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert messages={accept.isError ? errorMessages(accept.error, { 401: t('accept.wrongPassword') }) : []} />
        <TextField label={t('accept.email')} type="email" autoComplete="username" value={invitation.email} readOnly />
        <TextField
          label={t('accept.name')}
          type="text"
          autoComplete="name"
          autoFocus
          hint={t('accept.nameHint')}
          error={fieldError(errors.displayName)}
          {...form.register('displayName')}
        />
        <TextField
          label={existing ? t('accept.currentPassword') : t('accept.password')}
          type="password"
          autoComplete={existing ? 'current-password' : 'new-password'}
          hint={existing ? undefined : t('accept.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          error={fieldError(errors.password, { count: MIN_PASSWORD_LENGTH })}
          {...form.register('password')}
        />
        {existing ? null : (
          <TextField
            label={t('accept.confirmPassword')}
            type="password"
            autoComplete="new-password"
            error={fieldError(errors.confirmPassword)}
            {...form.register('confirmPassword')}
          />
        )}
        {existing ? null : (
          <SelectField
            label={t('accept.timeZone')}
            hint={t('accept.timeZoneHint')}
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            <option value="">{t('profile.workspaceTimeZone', { zone: invitation.tenantTimeZone })}</option>
            {timeZoneOptions().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </SelectField>
        )}
        <SubmitButton pending={accept.isPending} block>
          {t('accept.submit')}
        </SubmitButton>
      </form>
      <p className="card-footnote">{t('accept.expires', { date: format.dateTime(invitation.expiresAt) })}</p>
    </Card>
  );
}

export function AcceptInvitePage() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [params] = useSearchParams();
  const tenantId = params.get('tenant')?.trim() ?? '';
  const token = params.get('token')?.trim() ?? '';
  const complete = tenantId !== '' && token !== '';

  const lookup = useQuery({
    queryKey: ['invitation', tenantId, token],
    queryFn: () => lookupInvitation(tenantId, token),
    enabled: complete,
    staleTime: Infinity,
  });

  // The page opens in the language the inviter chose for this person.
  const invitedLocale = lookup.data?.locale;
  useEffect(() => {
    if (invitedLocale) void adoptProfileLocale(invitedLocale);
  }, [invitedLocale]);

  if (!complete) return <InvitationProblem messages={[t('accept.incompleteLink')]} />;
  if (lookup.isPending) return <Loading label={t('accept.checking')} />;
  if (lookup.isError) {
    const unusable = t('accept.unusable');
    return <InvitationProblem messages={errorMessages(lookup.error, { 400: unusable, 404: unusable, 410: unusable })} />;
  }
  return <AcceptForm tenantId={tenantId} token={token} invitation={lookup.data} />;
}
