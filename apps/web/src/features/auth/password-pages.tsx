import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card, ErrorAlert, SubmitButton, SuccessNotice, TextField } from '../../app/ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { requestPasswordReset, resetPassword } from './auth-endpoints';

/** /forgot-password: the same answer for any address; the email says what to do. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [email, setEmail] = useState('');
  const ask = useMutation({ mutationFn: () => requestPasswordReset(email) });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!ask.isPending) ask.mutate();
  };
  return (
    <Card title={t('auth.forgotTitle')} description={t('auth.forgotDescription')}>
      <title>{`${t('auth.forgotTitle')} · Candor`}</title>
      {ask.isSuccess ? (
        <SuccessNotice>{t('auth.resetSent', { email })}</SuccessNotice>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          <ErrorAlert messages={ask.isError ? errorMessages(ask.error) : []} />
          <TextField label={t('login.email')} type="email" required autoFocus autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
          <SubmitButton pending={ask.isPending} block>
            {t('auth.sendResetLink')}
          </SubmitButton>
        </form>
      )}
      <p className="card-links">
        <Link to="/login">{t('auth.toSignIn')}</Link>
      </p>
    </Card>
  );
}

/** /reset-password?token=…: a new password; every session of the account ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [params] = useSearchParams();
  const [password, setPassword] = useState('');
  const reset = useMutation({ mutationFn: () => resetPassword(params.get('token') ?? '', password) });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!reset.isPending) reset.mutate();
  };
  return (
    <Card title={t('auth.resetTitle')}>
      <title>{`${t('auth.resetTitle')} · Candor`}</title>
      {reset.isSuccess ? (
        <SuccessNotice>{t('auth.resetDone')}</SuccessNotice>
      ) : (
        <form className="form" onSubmit={onSubmit}>
          <ErrorAlert messages={reset.isError ? errorMessages(reset.error) : []} />
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
          <SubmitButton pending={reset.isPending} block>
            {t('auth.setPassword')}
          </SubmitButton>
        </form>
      )}
      <p className="card-links">
        <Link to="/login">{t('auth.toSignIn')}</Link>
      </p>
    </Card>
  );
}
