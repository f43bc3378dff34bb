import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, detailsByField } from '../api';

/**
 * Messages for a failed call, in the reader's language. `byStatus` names what a status means on this
 * screen (a 401 at sign-in is a wrong password, a 409 on an invitation an existing member); a refusal
 * without a meaning here shows the API's own details, which are in English.
 */
export function useErrorMessages() {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, byStatus: Partial<Record<number, string>> = {}): string[] => {
      if (!(error instanceof ApiError)) return [t('errors.network')];
      const meaning = byStatus[error.status];
      if (meaning) return [meaning];
      switch (error.kind) {
        case 'network':
          return [t('errors.network')];
        case 'server':
          return [t('errors.server')];
        case 'rate-limited':
          return [t('errors.rateLimited')];
        case 'rejected':
          return error.details.length > 0 ? error.details : [t('errors.requestFailed', { status: error.status })];
      }
    },
    [t],
  );
}

/**
 * A failed call's messages for a form: the API's validation messages at the fields they name, a refusal
 * whose status belongs to one field (`atField`, e.g. 409 "a rate already starts that day") at that field,
 * the rest (and any failure that is not a refusal) for the form's alert.
 */
export function useFormErrors<F extends string>(error: unknown, fields: readonly F[], atField: Partial<Record<number, F>> = {}) {
  const errorMessages = useErrorMessages();
  const none = (_name: F): string | undefined => undefined;
  if (!error) return { field: none, alert: [] as string[] };
  if (error instanceof ApiError && error.kind === 'rejected' && error.details.length > 0) {
    const owner = atField[error.status];
    if (owner) return { field: (name: F) => (name === owner ? error.details.join(' ') : undefined), alert: [] as string[] };
    const { byField, rest } = detailsByField(error.details, fields);
    return { field: (name: F) => byField[name], alert: rest };
  }
  return { field: none, alert: errorMessages(error) };
}
