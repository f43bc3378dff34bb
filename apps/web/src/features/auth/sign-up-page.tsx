import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Card, ErrorAlert, SelectField, SubmitButton, SuccessNotice, TextField } from '../../ui';
import { LOCALES, LOCALE_NAMES, isLocale } from '../../lib/i18n/locales';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { signUp } from './auth-endpoints';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);

/** A new agency: its name and address, the owner's name, email, password, language and time zone. */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const errorMessages = useErrorMessages();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [form, setForm] = useState({
    tenantName: '',
    tenantSlug: '',
    displayName: '',
    email: '',
    password: '',
    locale: isLocale(i18n.language) ? i18n.language : 'en',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const [slugTouched, setSlugTouched] = useState(false);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: event.target.value }));
  const submit = useMutation({
    mutationFn: () => signUp({ ...form, tenantName: form.tenantName.trim(), displayName: form.displayName.trim() }),
  });

  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!submit.isPending) submit.mutate();
  };

  if (submit.isSuccess) {
    return (
      <Card title={t('auth.checkInbox')}>
        <title>{`${t('auth.checkInbox')} · Candor`}</title>
        <SuccessNotice>{t('auth.signUpSent', { email: form.email })}</SuccessNotice>
      </Card>
    );
  }

  return (
    <Card title={t('auth.signUpTitle')} description={t('auth.signUpDescription')}>
      <title>{`${t('auth.signUpTitle')} · Candor`}</title>
      <form className="form" onSubmit={onSubmit}>
        <ErrorAlert messages={submit.isError ? errorMessages(submit.error, { 409: t('auth.slugTaken') }) : []} />
        <TextField
          label={t('auth.agencyName')}
          required
          autoFocus
          value={form.tenantName}
          onChange={(e) => {
            const name = e.target.value;
            setForm((f) => ({ ...f, tenantName: name, ...(slugTouched ? {} : { tenantSlug: slugify(name) }) }));
          }}
        />
        <TextField
          label={t('auth.agencySlug')}
          hint={t('auth.agencySlugHint')}
          required
          pattern="[a-z0-9][a-z0-9\-]{1,62}"
          autoCapitalize="none"
          spellCheck={false}
          value={form.tenantSlug}
          onChange={(e) => {
            setSlugTouched(true);
            set('tenantSlug')(e);
          }}
        />
        <TextField label={t('auth.yourName')} required autoComplete="name" value={form.displayName} onChange={set('displayName')} />
        <TextField label={t('login.email')} type="email" required autoComplete="email" value={form.email} onChange={set('email')} />
        <TextField
          label={t('login.password')}
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
          hint={t('auth.passwordHint')}
          value={form.password}
          onChange={set('password')}
        />
        <SelectField label={t('auth.language')} value={form.locale} onChange={set('locale')}>
          {LOCALES.map((locale) => (
            <option key={locale} value={locale}>
              {LOCALE_NAMES[locale]}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('auth.timeZone')} value={form.timeZone} onChange={set('timeZone')}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={submit.isPending} block>
          {t('auth.signUpSubmit')}
        </SubmitButton>
      </form>
      <p className="card-footnote">
        <Link to="/login">{t('auth.haveAccount')}</Link>
      </p>
    </Card>
  );
}
