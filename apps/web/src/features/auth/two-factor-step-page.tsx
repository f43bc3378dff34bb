import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Card, ErrorAlert, SubmitButton, TextField } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { setupTwoFactorAtSignIn, verifyTwoFactor } from './auth-endpoints';
import { RecoveryCodes, TotpSetup } from './two-factor-parts';
import { useFinishSignIn } from './use-finish-sign-in';

interface StepState {
  mfaToken?: string;
  enrolment?: boolean;
  next?: string;
}

/** The second step of a sign-in: the app's code or a recovery code; or, where required, setting up the app. */
export function TwoFactorStepPage() {
  const { t } = useTranslation();
  const state = (useLocation().state ?? {}) as StepState;
  const errorMessages = useErrorMessages();
  const finish = useFinishSignIn();
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, setPending] = useState<Parameters<typeof finish>[0] | null>(null);
  const setup = useQuery({
    queryKey: ['two-factor-setup', state.mfaToken],
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- enabled only with a token, below
    queryFn: () => setupTwoFactorAtSignIn(state.mfaToken!),
    enabled: Boolean(state.enrolment && state.mfaToken),
    staleTime: Infinity,
    gcTime: 0,
  });
  const verify = useMutation({
    // The page sends a visitor without a token back to sign-in; an empty token would be refused anyway.
    mutationFn: () =>
      verifyTwoFactor({ mfaToken: state.mfaToken ?? '', ...(useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() }) }),
    onSuccess: (result) => {
      if (result.recoveryCodes?.length) {
        setCodes(result.recoveryCodes);
        setPending(result);
      } else finish(result, state.next ?? '/');
    },
  });

  if (!state.mfaToken) return <Navigate to="/login" replace />;
  if (codes && pending) {
    return (
      <Card title={t('security.recoveryTitle')}>
        <RecoveryCodes codes={codes} onDone={() => finish(pending, state.next ?? '/')} />
      </Card>
    );
  }
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!verify.isPending) verify.mutate();
  };
  return (
    <Card title={t('auth.twoFactorTitle')} description={state.enrolment ? t('auth.twoFactorRequired') : t('auth.twoFactorDescription')}>
      <title>{`${t('auth.twoFactorTitle')} · Candor`}</title>
      {state.enrolment && setup.data ? <TotpSetup setup={setup.data} /> : null}
      <form className="form" onSubmit={onSubmit}>
        <ErrorAlert
          messages={[...(verify.isError ? errorMessages(verify.error) : []), ...(setup.isError ? errorMessages(setup.error) : [])]}
        />
        <TextField
          label={useRecovery ? t('auth.recoveryCode') : t('auth.code')}
          inputMode={useRecovery ? 'text' : 'numeric'}
          autoComplete="one-time-code"
          required
          autoFocus
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <SubmitButton pending={verify.isPending} block>
          {t('auth.verify')}
        </SubmitButton>
      </form>
      <p className="card-links">
        {state.enrolment ? null : (
          <button type="button" className="link-button" onClick={() => setUseRecovery((v) => !v)}>
            {useRecovery ? t('auth.useAppCode') : t('auth.useRecoveryCode')}
          </button>
        )}
        <Link to="/login">{t('auth.toSignIn')}</Link>
      </p>
    </Card>
  );
}
