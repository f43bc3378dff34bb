import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, Loading, Section, StatusBadge } from '../../ui';
import { getDisclosure, isStaffDisclosure, type FollowUp } from '../disclosures/disclosure-endpoints';
import { type Deliverable } from '../deliverables/deliverable-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { DeliverablesSection } from '../deliverables/deliverable-list';
import { disclosureKeys, useDisclosures } from '../disclosures/disclosure-queries';

const SOON_MS = 7 * 86_400_000;

/** Work still to deliver that is late or due within a week, soonest first. */
export function selectDueSoon(list: Deliverable[], now = Date.now()): Deliverable[] {
  return list
    .filter(
      (d) =>
        (d.status === 'in_progress' || d.status === 'changes_requested') &&
        (d.late || (d.dueAt !== null && Date.parse(d.dueAt) - now <= SOON_MS)),
    )
    .sort((a, b) => Number(b.late) - Number(a.late) || (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
}

export function DueDeliverables() {
  const { t } = useTranslation();
  return (
    <DeliverablesSection
      filter={{}}
      title={t('deliverable.dueTitle')}
      description={t('deliverable.dueDescription')}
      emptyTitle={t('deliverable.dueEmptyTitle')}
      emptyText={t('deliverable.dueEmptyText')}
      select={(list) => selectDueSoon(list)}
    />
  );
}

/**
 * Follow-ups after resolution (client check-ins and retrospectives) still pending. The disclosures
 * list carries no follow-ups, so the resolved disclosures are read one by one (few at a time: they
 * close once both follow-ups are done).
 */
export function FollowUpsDue() {
  const { t } = useTranslation();
  const format = useFormat();
  const resolved = useDisclosures({ status: 'resolved' });
  const details = useQueries({
    queries: (resolved.data?.items ?? []).map((d) => ({ queryKey: disclosureKeys.one(d.id), queryFn: () => getDisclosure(d.id) })),
  });
  const pending: { followUp: FollowUp; disclosureId: string; title: string }[] = [];
  for (const detail of details) {
    const d = detail.data;
    if (!d || !isStaffDisclosure(d)) continue;
    for (const followUp of d.followUps ?? []) {
      if (followUp.status === 'pending')
        pending.push({ followUp, disclosureId: d.id, title: `${t(`disclosure.category.${d.category}`)} · ${d.engagementName}` });
    }
  }
  pending.sort((a, b) => a.followUp.dueAt.localeCompare(b.followUp.dueAt));
  const loading = resolved.isPending || details.some((detail) => detail.isPending);
  const now = Date.now();
  return (
    <Section title={t('disclosure.staff.followUpsDueTitle')} description={t('disclosure.staff.followUpsDueDescription')}>
      {loading ? (
        <Loading label={t('common.loading')} />
      ) : pending.length === 0 ? (
        <EmptyState title={t('disclosure.staff.followUpsDueEmptyTitle')}>{t('disclosure.staff.followUpsDueEmptyText')}</EmptyState>
      ) : (
        <ul className="list" data-testid="follow-ups-due">
          {pending.map(({ followUp, disclosureId, title }) => (
            <li key={followUp.id} className="list-row">
              <div className="list-main">
                <Link to={`/disclosures/${disclosureId}`} className="list-title">
                  {t(`disclosure.staff.followUpKind.${followUp.kind}`)} · {title}
                </Link>
                <p className="list-meta">{t('disclosure.staff.followUpDue', { date: format.dateTime(followUp.dueAt) })}</p>
              </div>
              <div className="list-aside">
                {Date.parse(followUp.dueAt) < now ? (
                  <StatusBadge tone="danger">{t('disclosure.overdue')}</StatusBadge>
                ) : (
                  <StatusBadge tone="waiting">{t('status.followUp.pending')}</StatusBadge>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
