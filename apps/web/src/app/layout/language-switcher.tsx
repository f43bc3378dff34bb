import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chooseLocale, currentLocale } from '../../lib/i18n/i18n';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../lib/i18n/locales';

/**
 * A native select: keyboard, screen readers and touch all work without any code of ours.
 * `onChosen` lets a signed-in shell keep the choice on the user's profile too.
 */
export function LanguageSwitcher({ onChosen }: { onChosen?: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('shell.language')}
      </label>
      <svg className="language-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="7.5" />
        <path d="M2.5 10h15M10 2.5c2.2 2.3 3.2 4.8 3.2 7.5s-1 5.2-3.2 7.5c-2.2-2.3-3.2-4.8-3.2-7.5s1-5.2 3.2-7.5z" />
      </svg>
      <select
        id={id}
        className="language-select"
        value={currentLocale()}
        onChange={(event) => {
          const locale = event.target.value;
          if (!isLocale(locale)) return;
          void chooseLocale(locale);
          onChosen?.(locale);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </div>
  );
}
