import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useErrorMessages } from '../lib/i18n/use-error-messages';
import { Button } from './buttons';
import { ErrorAlert } from './feedback';

type OlderPagesQuery = Pick<
  UseInfiniteQueryResult,
  'error' | 'isFetchNextPageError' | 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'
>;

/**
 * A list read page by page with a keyset cursor: the items so far, or `empty` when there are none,
 * and a button that fetches the older ones while the API says there are more.
 */
export function KeysetList<T>({
  query,
  data,
  testId,
  empty,
  olderLabel,
  renderItem,
}: {
  query: OlderPagesQuery;
  data: InfiniteData<{ items: T[] }>;
  testId: string;
  empty: ReactNode;
  olderLabel: string;
  /** One list item, with its key. */
  renderItem: (item: T) => ReactNode;
}) {
  const errorMessages = useErrorMessages();
  const items = data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;
  return (
    <>
      <ul className="list" data-testid={testId}>
        {items.map(renderItem)}
      </ul>
      <ErrorAlert messages={query.isFetchNextPageError ? errorMessages(query.error) : []} />
      {query.hasNextPage ? (
        <div className="form-actions">
          <Button pending={query.isFetchingNextPage} onClick={() => !query.isFetchingNextPage && void query.fetchNextPage()}>
            {olderLabel}
          </Button>
        </div>
      ) : null}
    </>
  );
}
