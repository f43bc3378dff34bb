import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './feedback';
import { Section } from './page';
import { QueryView } from './query-view';

/** A titled list from one query: loading, failure, its empty state, or the list as the caller renders it. */
export function ListSection<D, T>({
  query,
  items,
  title,
  description,
  actions,
  emptyTitle,
  emptyText,
  before,
  children,
}: {
  query: UseQueryResult<D>;
  /** The rows to show out of what the query answered (a page's items, a filtered or sorted list). */
  items: (data: D) => T[];
  title: string;
  description?: string | undefined;
  actions?: ReactNode;
  emptyTitle: string;
  emptyText: string;
  /** Shown above the list, e.g. a form that adds to it. */
  before?: ReactNode;
  children: (list: T[]) => ReactNode;
}) {
  return (
    <Section title={title} description={description} actions={actions}>
      {before}
      <QueryView query={query}>
        {(data) => {
          const list = items(data);
          return list.length === 0 ? <EmptyState title={emptyTitle}>{emptyText}</EmptyState> : children(list);
        }}
      </QueryView>
    </Section>
  );
}
