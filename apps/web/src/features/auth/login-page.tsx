import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Card, ErrorAlert, Loading, SubmitButton, TextField } from '../../ui';
import { usePortal } from '../portal-address/portal-address-queries';
import { rememberedPortalSlug } from '../portal-address/portal-slug';
import { login, type LoginInput } from './auth-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFieldError } from '../../lib/i18n/use-field-error';
import { useSession } from '../../lib/session';
import { loginSchema, type LoginForm } from './login-schema';
import { useFinishSignIn } from './use-finish-sign-in';

/** Only same-app paths are valid return targets (never an external URL). */
function returnTarget(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

/**
 * Sign-in. At an agency's address (its domain or subdomain, `/a/<slug>`, or after a link from its emails)
 * the page names the agency and signs in to it; elsewhere the workspace may be named by hand.
 */
export function LoginPage({ portalSlug }: { portalSlug?: string }) {
  const { t } = useTranslation();
  const portal = usePortal(portalSlug ?? rememberedPortalSlug());
  const agency = portal.data ?? null;
  const current = useSession();
  const location = useLocation();
  const finishSignIn = useFinishSignIn();
  const errorMessages = useErrorMessages();
  const fieldError = useFieldError();
  const target = returnTarget(location.state);

  const form = useForm<LoginForm>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '', workspace: '' },
  });
  const { errors } = form.formState;

  const signIn = useMutation({
    mutationFn: (input: LoginInput) => login(input),
    onSuccess: (result) => finishSignIn(result, target),
  });

  if (current && !signIn.isPending && !signIn.isSuccess) return <Navigate to={target} replace />;
  if (portal.isPending) return <Loading label={t('portal.finding')} />;
  if (portalSlug !== undefined && !agency) return <UnknownPortal />;
  // Client users sign in by emailed link unless they chose a password here before.
  if (localStorage.getItem('candor.signInMethod') === 'email' && !(location.state as { password?: boolean } | null)?.password) {
    return <Navigate to="/login/email" replace state={{ from: target }} />;
  }

  const onSubmit = form.handleSubmit((values) => {
    const tenantSlug = agency?.slug ?? values.workspace;
    if (!signIn.isPending) signIn.mutate({ email: values.email, password: values.password, tenantSlug });
  });

  // At an agency's address the page wears its brand: colour, logo, its name in the tab.
  const brand = agency?.brand;
  return (
    <Card
      title={agency ? t('portal.loginTitle', { agency: agency.name }) : t('login.title')}
      description={agency ? t('portal.loginDescription', { agency: agency.name }) : t('login.description')}
    >
      <title>{`${t('login.pageTitle')} · ${brand?.customized ? brand.name : 'Candor'}`}</title>
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorAlert messages={signIn.isError ? errorMessages(signIn.error, { 401: t('login.wrongCredentials') }) : []} />
        <TextField
          label={t('login.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={fieldError(errors.email)}
          {...form.register('email')}
        />
        <TextField
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={fieldError(errors.password)}
          {...form.register('password')}
        />
        {agency ? null : (
          <TextField
            label={t('login.workspace')}
            optional
            type="text"
            autoComplete="organization"
            autoCapitalize="none"
            spellCheck={false}
            placeholder={t('login.workspacePlaceholder')}
            hint={t('login.workspaceHint')}
            {...form.register('workspace')}
          />
        )}
        <SubmitButton pending={signIn.isPending} block>
          {t('login.submit')}
        </SubmitButton>
      </form>
      <p className="card-links">
        <Link to="/login/email" state={{ from: target }} data-testid="magic-link-entry">
          {t('auth.emailMeALink')}
        </Link>
        <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
      </p>
      <p className="card-footnote">
        {t('login.footnote')} <Link to="/signup">{t('auth.createAgency')}</Link>
      </p>
    </Card>
  );
}

/** An `/a/<slug>` address of no agency: said plainly, with the way to the ordinary sign-in page. */
function UnknownPortal() {
  const { t } = useTranslation();
  return (
    <Card title={t('portal.unknownTitle')} description={t('portal.unknownText')}>
      <p className="card-links">
        <Link to="/login">{t('portal.plainSignIn')}</Link>
      </p>
    </Card>
  );
}
