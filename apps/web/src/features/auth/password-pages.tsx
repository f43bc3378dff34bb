import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card, ErrorAlert, SubmitButton, SuccessNotice, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { requestPasswordReset, resetPassword } from './auth-endpoints';

/** A card with one field and one call: the form until the call succeeds, then what happened; a way back to sign-in. */
function OneStepCard({
  title,
  description,
  call,
  done,
  submitLabel,
  children,
}: {
  title: string;
  description?: string;
  call: UseMutationResult<unknown, Error, void>;
  done: ReactNode;
  submitLabel: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!call.isPending) call.mutate();
  };
  return (
    <Card title={title} description={description}>
      <title>{`${title} · Candor`}</title>
      {call.isSuccess ? (
        <SuccessNotice>{done}</SuccessNotice>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          <ErrorAlert messages={call.isError ? errorMessages(call.error) : []} />
          {children}
          <SubmitButton pending={call.isPending} block>
            {submitLabel}
          </SubmitButton>
        </form>
      )}
      <p className="card-links">
        <Link to="/login">{t('auth.toSignIn')}</Link>
      </p>
    </Card>
  );
}

/** /forgot-password: the same answer for any address; the email says what to do. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const ask = useMutation({ mutationFn: () => requestPasswordReset(email) });
  return (
    <OneStepCard
      title={t('auth.forgotTitle')}
      description={t('auth.forgotDescription')}
      call={ask}
      done={t('auth.resetSent', { email })}
      submitLabel={t('auth.sendResetLink')}
    >
      <TextField
        label={t('login.email')}
        type="email"
        required
        autoFocus
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
    </OneStepCard>
  );
}

/** /reset-password?token=…: a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => resetPassword(params.get('token') ?? '', password) });
  return (
    <OneStepCard title={t('auth.resetTitle')} call={reset} done={t('auth.resetDone')} submitLabel={t('auth.setPassword')}>
      <TextField
        label={t('auth.newPassword')}
        type="password"
        required
        minLength={12}
        autoFocus
        autoComplete="new-password"
        hint={t('auth.passwordHint')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </OneStepCard>
  );
}
