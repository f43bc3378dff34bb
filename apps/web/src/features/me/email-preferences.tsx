import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui';
import type { DeliveryMode, NotificationPreference } from './notification-preference-endpoints';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useSetNotificationPreference } from './profile-queries';

const MODES: DeliveryMode[] = ['immediate', 'digest', 'off'];

/** One row per kind of email with three choices; "off" is not offered where the email must reach you. */
export function EmailPreferences({ preferences }: { preferences: NotificationPreference[] }) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  const set = useSetNotificationPreference();
  return (
    <div className="email-preferences">
      <p className="field-hint">{t('profile.modesExplained')}</p>
      <ErrorAlert messages={set.isError ? errorMessages(set.error) : []} />
      <ul className="preference-list">
        {preferences.map((preference) => (
          <li key={preference.event} className="preference" data-testid={`preference-${preference.event}`}>
            <fieldset>
              <legend>{t(`profile.events.${preference.event}`)}</legend>
              <div className="preference-modes">
                {MODES.filter((mode) => mode !== 'off' || !preference.required).map((mode) => (
                  <label key={mode} className="radio">
                    <input
                      type="radio"
                      name={preference.event}
                      value={mode}
                      checked={preference.mode === mode}
                      disabled={set.isPending}
                      onChange={() => set.mutate({ event: preference.event, mode })}
                    />
                    <span>{t(`profile.modes.${mode}`)}</span>
                  </label>
                ))}
              </div>
              {preference.required ? <p className="field-hint">{t('profile.requiredExplained')}</p> : null}
            </fieldset>
          </li>
        ))}
      </ul>
    </div>
  );
}
