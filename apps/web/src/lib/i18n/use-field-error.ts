import { useCallback } from 'react';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ValidationMessage } from './validation-messages';

/** Form schemas speak in catalog keys (validation.*); this turns a field's error into the reader's language. */
export function useFieldError() {
  const { t } = useTranslation();
  return useCallback(
    (error: FieldError | undefined, values?: Record<string, unknown>): string | undefined =>
      error?.message ? t(error.message as ValidationMessage, values ?? {}) : undefined,
    [t],
  );
}
