import type { ReactNode } from 'react';
import { EmptyState, QueryView, Section } from '../../ui';
import type { WeekFilter } from './timesheet-week-endpoints';
import { WeekList } from './week-list';
import { useWeeks } from './week-queries';

/** A dashboard block of weeks in one state, e.g. those waiting for the client's approval. */
export function WeeksSection({
  filter,
  title,
  description,
  emptyTitle,
  emptyText,
}: {
  filter: WeekFilter;
  title: string;
  description?: ReactNode;
  emptyTitle: string;
  emptyText: string;
}) {
  const weeks = useWeeks(filter);
  return (
    <Section title={title} description={description}>
      <QueryView query={weeks}>
        {(list) => (list.length === 0 ? <EmptyState title={emptyTitle}>{emptyText}</EmptyState> : <WeekList weeks={list} />)}
      </QueryView>
    </Section>
  );
}
