import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Card, ErrorAlert, Loading, SuccessNotice } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { confirmEmail, confirmEmailChange, redeemMagicLink, type SignInResult } from './auth-endpoints';
import { useFinishSignIn } from './use-finish-sign-in';

/** Runs the link's one call once (a link works once: a re-render must not spend it twice). */
function useOnce<T>(call: (token: string) => Promise<T>, onSuccess?: (value: T) => void) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const started = useRef(false);
  const mutation = useMutation({ mutationFn: call, onSuccess });
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutation.mutate(token);
  }, [mutation, token]);
  return mutation;
}

function LinkResult({ title, pending, error, done }: { title: string; pending: boolean; error: unknown; done?: string }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  return (
    <Card title={title}>
      <title>{`${title} · Candor`}</title>
      {pending ? <Loading label={t('auth.checkingLink')} /> : null}
      {error ? <ErrorAlert messages={errorMessages(error)} /> : null}
      {done ? <SuccessNotice>{done}</SuccessNotice> : null}
      {error || done ? (
        <p className="card-links">
          <Link to="/login">{t('auth.toSignIn')}</Link>
        </p>
      ) : null}
    </Card>
  );
}

/** /confirm-email?token=…: the sign-up's address is confirmed and the owner lands on the first-run guide. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const m = useOnce(confirmEmail, (result: SignInResult) => finish(result, '/'));
  return <LinkResult title={t('auth.confirmTitle')} pending={m.isPending} error={m.error} />;
}

/** /magic-link?token=…: signs in and opens the page the email pointed to. */
export function MagicLinkLandingPage() {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const m = useOnce(redeemMagicLink, (result: SignInResult) => finish(result, '/'));
  return <LinkResult title={t('auth.magicTitle')} pending={m.isPending} error={m.error} />;
}

/** /confirm-email-change?token=…: the new address takes over. */
export function ConfirmEmailChangePage() {
  const { t } = useTranslation();
  const m = useOnce(confirmEmailChange);
  return (
    <LinkResult
      title={t('auth.emailChangeTitle')}
      pending={m.isPending}
      error={m.error}
      done={m.isSuccess ? t('auth.emailChanged') : undefined}
    />
  );
}
