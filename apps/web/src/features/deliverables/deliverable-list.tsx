import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListSection } from '../../ui';
import type { Deliverable, DeliverableFilter } from './deliverable-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { DeliverableStatusBadge, LateBadge, RoundsText } from './deliverable-labels';
import { useDeliverables } from './deliverable-queries';

export function DeliverableList({ deliverables, showEngagement = true }: { deliverables: Deliverable[]; showEngagement?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list" data-testid="deliverable-list">
      {deliverables.map((deliverable) => (
        <li key={deliverable.id} className={deliverable.late ? 'list-row list-row-alert' : 'list-row'}>
          <div className="list-main">
            <Link to={`/deliverables/${deliverable.id}`} className="list-title">
              {deliverable.title}
              {showEngagement ? ` · ${deliverable.engagementName}` : ''}
            </Link>
            <p className="list-meta">
              <span>{deliverable.assignee ? deliverable.assignee.displayName : t('deliverable.unassigned')}</span>
              <span>
                {deliverable.dueAt ? t('deliverable.dueOn', { date: format.dateTime(deliverable.dueAt) }) : t('deliverable.noDueDate')}
              </span>
              <span>{t('deliverable.versionCount', { number: deliverable.versionCount })}</span>
              <span>
                <RoundsText rounds={deliverable.rounds} />
              </span>
            </p>
          </div>
          <div className="list-aside">
            {deliverable.late ? <LateBadge /> : null}
            <DeliverableStatusBadge status={deliverable.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A titled list of deliverables from one query, with its empty state. */
export function DeliverablesSection({
  filter,
  select = (list) => list,
  showEngagement,
  children,
  ...section
}: {
  filter: DeliverableFilter;
  title: string;
  description?: string;
  emptyTitle: string;
  emptyText: string;
  actions?: ReactNode;
  select?: (list: Deliverable[]) => Deliverable[];
  showEngagement?: boolean;
  children?: ReactNode;
}) {
  const query = useDeliverables(filter);
  return (
    <ListSection query={query} items={select} before={children} {...section}>
      {(list) => <DeliverableList deliverables={list} {...(showEngagement === undefined ? {} : { showEngagement })} />}
    </ListSection>
  );
}
