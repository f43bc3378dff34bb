import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListSection, StatusBadge } from '../../ui';
import { isStaffDisclosure, type Disclosure, type DisclosureFilter } from './disclosure-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { DisclosureStatusBadge } from './disclosure-labels';
import { useDisclosures } from './disclosure-queries';

/** What a client is asked to do about a disclosure, in one line. */
function clientAction(disclosure: Disclosure): 'acknowledgeAction' | 'remedyAction' | 'offerAction' | 'checkInAction' | 'followAction' {
  if (disclosure.status === 'disclosed') return 'acknowledgeAction';
  if (disclosure.status === 'remedy_proposed') return 'remedyAction';
  if (disclosure.openOfferCount > 0) return 'offerAction';
  if (disclosure.status === 'resolved') return 'checkInAction';
  return 'followAction';
}

export function DisclosureList({
  disclosures,
  showEngagement = true,
  forClient = false,
}: {
  disclosures: Disclosure[];
  showEngagement?: boolean;
  forClient?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ul className="list" data-testid="disclosure-list">
      {disclosures.map((disclosure) => (
        <li key={disclosure.id} className={isStaffDisclosure(disclosure) && disclosure.overdue ? 'list-row list-row-alert' : 'list-row'}>
          <span className={`severity-dot severity-${disclosure.severity}`} aria-hidden="true" />
          <div className="list-main">
            <Link to={`/disclosures/${disclosure.id}`} className="list-title">
              {t(`disclosure.category.${disclosure.category}`)}
              {showEngagement ? ` · ${disclosure.engagementName}` : ''}
            </Link>
            <p className="list-meta">
              {forClient && disclosure.needsClientAction ? `${t(`disclosure.client.${clientAction(disclosure)}`)} · ` : ''}
              {disclosure.disclosedAt
                ? t('disclosure.disclosedOn', { date: format.date(disclosure.disclosedAt) })
                : t('disclosure.discoveredOn', { date: format.date(disclosure.discoveredAt) })}
              {disclosure.openOfferCount > 0 ? ` · ${t('disclosure.openOffers', { count: disclosure.openOfferCount })}` : ''}
            </p>
          </div>
          <div className="list-aside">
            {isStaffDisclosure(disclosure) && disclosure.overdue ? (
              <StatusBadge tone="danger">{t('disclosure.overdue')}</StatusBadge>
            ) : null}
            {forClient && disclosure.needsClientAction ? <StatusBadge tone="waiting">{t('disclosure.needsYou')}</StatusBadge> : null}
            <DisclosureStatusBadge status={disclosure.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A titled list of disclosures from one query, with its empty state. */
export function DisclosuresSection({
  filter,
  select = (list) => list,
  showEngagement,
  forClient,
  ...section
}: {
  filter: DisclosureFilter;
  title: string;
  description?: string;
  emptyTitle: string;
  emptyText: string;
  actions?: React.ReactNode;
  select?: (list: Disclosure[]) => Disclosure[];
  showEngagement?: boolean;
  forClient?: boolean;
}) {
  const query = useDisclosures(filter);
  return (
    <ListSection query={query} items={(page) => select(page.items)} {...section}>
      {(list) => (
        <DisclosureList
          disclosures={list}
          {...(showEngagement === undefined ? {} : { showEngagement })}
          {...(forClient ? { forClient } : {})}
        />
      )}
    </ListSection>
  );
}
