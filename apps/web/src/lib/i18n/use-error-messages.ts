import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

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
