import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, PageHeader, PageTitle, QueryView, Section, SubmitButton, SuccessNotice, TextField } from '../../ui';
import { useFormat } from '../../lib/i18n/use-format';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import {
  changeEmail,
  changePassword,
  disableTwoFactor,
  enableTwoFactor,
  listSessions,
  revokeSession,
  setupTwoFactor,
  twoFactorStatus,
} from './auth-endpoints';
import { RecoveryCodes, TotpSetup } from './two-factor-parts';

function PasswordSection() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const change = useMutation({
    mutationFn: () => changePassword(current, next),
    onSuccess: () => {
      setCurrent('');
      setNext('');
    },
  });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  };
  return (
    <Section title={t('security.passwordTitle')} description={t('security.passwordDescription')}>
      <form className="form" onSubmit={onSubmit}>
        <ErrorAlert messages={change.isError ? errorMessages(change.error) : []} />
        {change.isSuccess ? <SuccessNotice>{t('security.passwordChanged')}</SuccessNotice> : null}
        <TextField
          label={t('security.currentPassword')}
          type="password"
          required
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <TextField
          label={t('auth.newPassword')}
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <SubmitButton pending={change.isPending}>{t('security.changePassword')}</SubmitButton>
      </form>
    </Section>
  );
}

function EmailSection() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const change = useMutation({ mutationFn: () => changeEmail(email, password) });
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!change.isPending) change.mutate();
  };
  return (
    <Section title={t('security.emailTitle')} description={t('security.emailDescription')}>
      <form className="form" onSubmit={onSubmit}>
        <ErrorAlert messages={change.isError ? errorMessages(change.error) : []} />
        {change.isSuccess ? <SuccessNotice>{t('security.emailSent', { email })}</SuccessNotice> : null}
        <TextField
          label={t('security.newEmail')}
          type="email"
          required
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <TextField
          label={t('security.currentPassword')}
          type="password"
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SubmitButton pending={change.isPending}>{t('security.changeEmail')}</SubmitButton>
      </form>
    </Section>
  );
}

function TwoFactorSection() {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: ['two-factor'], queryFn: twoFactorStatus });
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const setup = useMutation({ mutationFn: setupTwoFactor });
  const enable = useMutation({
    mutationFn: () => enableTwoFactor(code.trim()),
    onSuccess: (answer) => {
      setCodes(answer.recoveryCodes);
      setup.reset();
      void queryClient.invalidateQueries({ queryKey: ['two-factor'] });
    },
  });
  const disable = useMutation({
    mutationFn: () => disableTwoFactor(password),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['two-factor'] }),
  });
  const errors = [setup, enable, disable].flatMap((m) => (m.isError ? errorMessages(m.error) : []));
  return (
    <Section title={t('security.twoFactorTitle')} description={t('security.twoFactorDescription')}>
      <ErrorAlert messages={errors} />
      {codes ? <RecoveryCodes codes={codes} /> : null}
      <QueryView query={status}>
        {(s) =>
          s.enabled ? (
            <>
              <p data-testid="two-factor-on">{t('security.twoFactorOn', { left: s.recoveryCodesLeft })}</p>
              {s.requiredByWorkspace ? (
                <p className="field-hint">{t('security.requiredByWorkspace')}</p>
              ) : (
                <form
                  className="form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    disable.mutate();
                  }}
                >
                  <TextField
                    label={t('security.currentPassword')}
                    type="password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                  <SubmitButton pending={disable.isPending}>{t('security.turnOff')}</SubmitButton>
                </form>
              )}
            </>
          ) : setup.data ? (
            <form
              className="form"
              onSubmit={(e) => {
                e.preventDefault();
                enable.mutate();
              }}
            >
              <TotpSetup setup={setup.data} />
              <TextField
                label={t('auth.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
              <SubmitButton pending={enable.isPending}>{t('security.turnOn')}</SubmitButton>
            </form>
          ) : (
            <Button variant="primary" pending={setup.isPending} onClick={() => setup.mutate()}>
              {t('security.setUp')}
            </Button>
          )
        }
      </QueryView>
    </Section>
  );
}

function SessionsSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['sessions'] }),
  });
  return (
    <Section title={t('security.sessionsTitle')} description={t('security.sessionsDescription')}>
      <QueryView query={sessions}>
        {(list) => (
          <ul className="session-list" data-testid="sessions">
            {list.map((s) => (
              <li key={s.id} className="session-item">
                <span className="session-device" dir="ltr">
                  {s.userAgent ?? t('security.unknownDevice')}
                </span>
                <span className="session-meta">
                  {t('security.lastSeen', { when: format.dateTime(s.lastSeenAt) })}
                  {s.ip ? ` · ${s.ip}` : ''}
                </span>
                {s.current ? (
                  <span className="session-current">{t('security.thisSession')}</span>
                ) : (
                  <Button pending={revoke.isPending && revoke.variables === s.id} onClick={() => revoke.mutate(s.id)}>
                    {t('security.signOutSession')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </Section>
  );
}

/** /profile/security: password, email address, two-factor and sessions. */
export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('security.title')}</PageTitle>
      <PageHeader title={t('security.title')} description={t('security.description')} />
      <PasswordSection />
      <EmailSection />
      <TwoFactorSection />
      <SessionsSection />
    </>
  );
}
