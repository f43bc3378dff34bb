import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { EmptyState, Figures, PageHeader, QueryView, Section } from '../../ui';
import { getCredits, getServiceRecord } from './disclosure-insight-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { useDuration, useOfferText } from '../disclosures/disclosure-labels';
import { DisclosureStatusBadge } from '../disclosures/disclosure-labels';
import { useMember } from '../me/current-member';

/** Staff reach a client's pages under /clients/:id; a client user always reads their own account. */
function useAccountId(): string {
  const { id } = useParams();
  const member = useMember();
  return id ?? member.clientAccountId ?? '';
}

/** What the client is owed from accepted offers, and what has been applied. */
export function CreditsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const offerText = useOfferText();
  const accountId = useAccountId();
  const credits = useQuery({ queryKey: ['credits', accountId], queryFn: () => getCredits(accountId) });
  return (
    <>
      <PageHeader title={t('credits.title')} description={t('credits.description')} />
      <QueryView query={credits}>
        {(data) => (
          <>
            <dl className="figures" data-testid="open-credit">
              <div className="figure">
                <dt>{t('credits.open')}</dt>
                <dd>
                  {data.openMoney.length
                    ? data.openMoney.map((total) => format.money(total.amount, total.currency)).join(' · ')
                    : t('credits.noOpen')}
                </dd>
              </div>
            </dl>
            <Section title={t('credits.title')}>
              {data.entries.length === 0 ? (
                <EmptyState title={t('credits.emptyTitle')}>{t('credits.emptyText')}</EmptyState>
              ) : (
                <ul className="list" data-testid="credit-list">
                  {data.entries.map((entry) => (
                    <li key={entry.id} className="list-row">
                      <div className="list-main">
                        <p className="list-title">{offerText(entry)}</p>
                        {entry.description ? <p className="notes">{entry.description}</p> : null}
                        <p className="list-meta">
                          {format.date(entry.createdAt)} ·{' '}
                          <Link to={`/disclosures/${entry.disclosureId}`} className="text-link">
                            {t('credits.viewDisclosure')}
                          </Link>
                        </p>
                      </div>
                      <div className="list-aside">
                        <span className={entry.appliedAt ? 'badge badge-success' : 'badge badge-waiting'}>
                          {entry.appliedAt ? t('credits.applied', { date: format.date(entry.appliedAt) }) : t('credits.notApplied')}
                        </span>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </QueryView>
    </>
  );
}

/** The client's record: every disclosed error, what was done and what changed afterwards, in their words. */
export function ServiceRecordPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const duration = useDuration();
  const accountId = useAccountId();
  const record = useQuery({ queryKey: ['service-record', accountId], queryFn: () => getServiceRecord(accountId) });
  return (
    <QueryView query={record}>
      {(data) => (
        <>
          <PageHeader title={t('serviceRecord.title')} description={t('serviceRecord.description', { client: data.clientName })} />
          <Figures
            items={[
              { label: t('serviceRecord.disclosed'), value: format.number(data.disclosed) },
              { label: t('serviceRecord.resolved'), value: format.number(data.resolved) },
              { label: t('serviceRecord.medianDisclose'), value: duration(data.medianTimeToDiscloseSeconds) },
            ]}
          />
          {data.entries.length === 0 ? (
            <Section title={t('serviceRecord.title')}>
              <EmptyState title={t('serviceRecord.emptyTitle')}>{t('serviceRecord.emptyText')}</EmptyState>
            </Section>
          ) : (
            <ol className="record-list" data-testid="service-record">
              {data.entries.map((entry) => (
                <li key={entry.disclosureId} className="panel record">
                  <div className="record-head">
                    <Link to={`/disclosures/${entry.disclosureId}`} className="list-title">
                      {t(`disclosure.category.${entry.category}`)} · {entry.engagementName}
                    </Link>
                    <DisclosureStatusBadge status={entry.status as Parameters<typeof DisclosureStatusBadge>[0]['status']} />
                  </div>
                  <p className="list-meta">
                    {t('disclosure.disclosedOn', { date: format.date(entry.disclosedAt) })} ·{' '}
                    {t('disclosure.disclosedWithin', { duration: duration(entry.timeToDiscloseSeconds) })}
                  </p>
                  <dl className="stacked">
                    <div>
                      <dt>{t('disclosure.client.whatHappened')}</dt>
                      <dd className="notes">{entry.whatHappened}</dd>
                    </div>
                    {entry.resolutionSummary ? (
                      <div>
                        <dt>{t('disclosure.client.resolution')}</dt>
                        <dd className="notes">{entry.resolutionSummary}</dd>
                      </div>
                    ) : entry.remedyPlan ? (
                      <div>
                        <dt>{t('disclosure.client.remedy')}</dt>
                        <dd className="notes">{entry.remedyPlan}</dd>
                      </div>
                    ) : null}
                    {entry.preventionSummary ? (
                      <div className="record-prevention">
                        <dt>{t('disclosure.client.prevention')}</dt>
                        <dd className="notes">{entry.preventionSummary}</dd>
                      </div>
                    ) : null}
                  </dl>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </QueryView>
  );
}
