import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, detailsByField, isPlainSentence, type ApiProblem } from '../api';
import { concernsField, problemMessage, type ApiErrorCode } from './api-error-messages';

/** One API problem in the reader's language. */
export function useProblemText() {
  // The catalogs load on demand: asking i18next keeps the English one out of the first download.
  const { t, i18n } = useTranslation();
  return useCallback(
    (problem: ApiProblem): string => {
      const known = (code: string): code is ApiErrorCode => i18n.exists(`apiErrors.${code}`);
      const message = problemMessage(problem, known);
      return 'key' in message ? t(message.key) : message.text;
    },
    [t, i18n],
  );
}

const unique = (items: string[]) => [...new Set(items)];

/**
 * Messages for a failed call, in the reader's language. `byStatus` names what a status means on this
 * screen (a 401 at sign-in is a wrong password, a 409 on an invitation an existing member); a refusal
 * without a meaning here is said by its error codes, translated (the API's English sentence only
 * where the code is generic and the sentence names no internal field or role).
 */
export function useErrorMessages() {
  const { t } = useTranslation();
  const problemText = useProblemText();
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
        case 'rejected': {
          if (error.problems.length > 0) return unique(error.problems.map(problemText));
          const plain = error.details.filter(isPlainSentence);
          return plain.length > 0 ? plain : [t('errors.requestFailed', { status: error.status })];
        }
      }
    },
    [t, problemText],
  );
}

/**
 * A failed call's messages for a form: each coded problem, translated, at the field it names; a refusal
 * whose status belongs to one field (`atField`, e.g. 409 "a rate already starts that day") at that field,
 * the rest (and any failure that is not a refusal) for the form's alert.
 */
export function useFormErrors<F extends string>(error: unknown, fields: readonly F[], atField: Partial<Record<number, F>> = {}) {
  const errorMessages = useErrorMessages();
  const problemText = useProblemText();
  const none = (_name: F): string | undefined => undefined;
  if (!error) return { field: none, alert: [] as string[] };
  if (error instanceof ApiError && error.kind === 'rejected' && error.problems.length > 0) {
    const texts = error.problems.map((p) => ({ field: p.field, text: problemText(p) }));
    const owner = atField[error.status];
    if (owner)
      return { field: (name: F) => (name === owner ? unique(texts.map((x) => x.text)).join(' ') : undefined), alert: [] as string[] };
    const byField: Partial<Record<F, string>> = {};
    const rest: string[] = [];
    for (const { field, text } of texts) {
      const name = fields.find((f) => concernsField(field, f));
      if (name && byField[name] === undefined) byField[name] = text;
      else if (!name) rest.push(text);
    }
    return { field: (name: F) => byField[name], alert: unique(rest) };
  }
  if (error instanceof ApiError && error.kind === 'rejected' && error.details.length > 0) {
    const owner = atField[error.status];
    if (owner) return { field: (name: F) => (name === owner ? error.details.join(' ') : undefined), alert: [] as string[] };
    const { byField, rest } = detailsByField(error.details, fields);
    return { field: (name: F) => byField[name], alert: rest };
  }
  return { field: none, alert: errorMessages(error) };
}
