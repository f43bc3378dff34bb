import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Card, ErrorAlert, SubmitButton, SuccessNotice, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { browserKey, redeemMagicCode, requestMagicLink, safeNext } from './auth-endpoints';
import { useFinishSignIn } from './use-finish-sign-in';

/** Passwordless sign-in: ask for an email with a link and a 6-digit code, then enter the code here. */
export function MagicLinkPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const next = safeNext((location.state as { from?: unknown } | null)?.from);
  const errorMessages = useErrorMessages();
  const finishSignIn = useFinishSignIn();
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [challengeId, setChallengeId] = useState<string | null>(null);

  const ask = useMutation({
    mutationFn: () => requestMagicLink({ email, browserKey: browserKey(), ...(next && next !== '/' ? { next } : {}) }),
    onSuccess: (answer) => {
      localStorage.setItem('candor.signInMethod', 'email');
      setChallengeId(answer.challengeId);
    },
  });
  const enter = useMutation({
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- the code form shows only once a challenge was issued
    mutationFn: () => redeemMagicCode({ challengeId: challengeId!, browserKey: browserKey(), code: code.trim() }),
    onSuccess: (result) => finishSignIn(result, next ?? '/'),
  });

  const onAsk = (event: SubmitEvent) => {
    event.preventDefault();
    if (!ask.isPending) ask.mutate();
  };
  const onEnter = (event: SubmitEvent) => {
    event.preventDefault();
    if (!enter.isPending) enter.mutate();
  };

  return (
    <Card title={t('auth.magicTitle')} description={t('auth.magicDescription')}>
      <title>{`${t('auth.magicTitle')} · Candor`}</title>
      {challengeId === null ? (
        <form className="form" onSubmit={onAsk}>
          <ErrorAlert messages={ask.isError ? errorMessages(ask.error) : []} />
          <TextField
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <SubmitButton pending={ask.isPending} block>
            {t('auth.sendLink')}
          </SubmitButton>
        </form>
      ) : (
        <form className="form" onSubmit={onEnter}>
          <SuccessNotice>{t('auth.linkSent', { email })}</SuccessNotice>
          <ErrorAlert messages={enter.isError ? errorMessages(enter.error) : []} />
          <TextField
            label={t('auth.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          <SubmitButton pending={enter.isPending} block>
            {t('auth.signInWithCode')}
          </SubmitButton>
        </form>
      )}
      <p className="card-links">
        <Link to="/login" state={{ from: next, password: true }} onClick={() => localStorage.removeItem('candor.signInMethod')}>
          {t('auth.usePassword')}
        </Link>
      </p>
    </Card>
  );
}
