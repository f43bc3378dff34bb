import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, SelectField, SubmitButton, SuccessNotice, TextField } from '../../ui';
import type { Me } from './me-endpoints';
import { chooseLocale } from '../../lib/i18n/i18n';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../lib/i18n/locales';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useUpdateProfile } from './profile-queries';
import { timeZoneOptions } from './time-zones';

/** Name, language and time zone: the app and every email use them. */
export function ProfileDetailsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const update = useUpdateProfile();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [locale, setLocale] = useState(me.user.locale);
  const [timeZone, setTimeZone] = useState(me.user.timeZone ?? '');
  const [saved, setSaved] = useState(false);
  const nameMissing = displayName.trim() === '';
  return (
    <form
      className="form"
      noValidate
      aria-label={t('profile.detailsTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (update.isPending || nameMissing) return;
        update.mutate(
          { displayName, locale, timeZone: timeZone === '' ? null : timeZone },
          {
            onSuccess: () => {
              setSaved(true);
              if (isLocale(locale)) void chooseLocale(locale);
            },
          },
        );
      }}
    >
      <ErrorAlert messages={update.isError ? errorMessages(update.error) : []} />
      {saved && !update.isPending ? <SuccessNotice>{t('profile.saved')}</SuccessNotice> : null}
      <TextField
        label={t('profile.name')}
        autoComplete="name"
        value={displayName}
        error={nameMissing ? t('validation.nameRequired') : undefined}
        onChange={(event) => {
          setSaved(false);
          setDisplayName(event.target.value);
        }}
      />
      <SelectField
        label={t('profile.language')}
        hint={t('profile.languageHint')}
        value={locale}
        onChange={(event) => {
          setSaved(false);
          setLocale(event.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('profile.timeZone')}
        hint={t('profile.timeZoneHint')}
        value={timeZone}
        onChange={(event) => {
          setSaved(false);
          setTimeZone(event.target.value);
        }}
      >
        <option value="">{t('profile.workspaceTimeZone', { zone: me.tenant.timeZone })}</option>
        {timeZoneOptions().map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div className="form-actions">
        <SubmitButton pending={update.isPending}>{t('profile.save')}</SubmitButton>
      </div>
    </form>
  );
}
