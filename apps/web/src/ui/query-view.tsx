import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api/errors';
import { useErrorMessages } from '../lib/i18n/use-error-messages';
import { Button } from './buttons';
import { ErrorAlert, Loading } from './feedback';

/** The three states of loaded data, said the same way on every screen. */
export function QueryView<T>({
  query,
  byStatus,
  children,
}: {
  query: UseQueryResult<T>;
  /** What a status means here, e.g. a 404 for an account the reader may not see. */
  byStatus?: Partial<Record<number, string>>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  const errorMessages = useErrorMessages();
  if (query.isPending) return <Loading label={t('common.loading')} />;
  if (query.isError) {
    // A refusal (404, 403, 400) gives the same answer the next time: offering to try again would be a false hope.
    const refused = query.error instanceof ApiError && query.error.kind === 'rejected';
    return (
      <div className="query-error">
        <ErrorAlert messages={errorMessages(query.error, byStatus)} />
        {refused ? null : <Button onClick={() => void query.refetch()}>{t('common.tryAgain')}</Button>}
      </div>
    );
  }
  return children(query.data);
}
