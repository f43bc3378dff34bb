import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, viewerTimeZone } from '../format';

/** The formatters bound to the reader's language and time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const timeZone = viewerTimeZone();
    return {
      dateTime: (iso: string) => formatDateTime(iso, locale, timeZone),
      date: (iso: string) => formatDate(iso, locale, timeZone),
    };
  }, [locale]);
}
