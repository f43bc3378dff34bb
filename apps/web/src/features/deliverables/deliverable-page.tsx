import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, DetailsList, PageHeader, QueryView, Section } from '../../ui';
import type { Deliverable } from './deliverable-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { audienceOf } from '@candor/domain';
import { useMember } from '../me/current-member';
import { DeliverVersion } from './deliver-version-form';
import { DeliverableStatusBadge, LateBadge, RoundsText } from './deliverable-labels';
import { EditDeliverableForm } from './edit-deliverable-form';
import { isStaffDeliverable, useDeliverable } from './deliverable-queries';
import { ReviewActions } from './review-actions';
import { RevisionRequests } from './revision-requests';
import { VersionList } from './version-list';

function Facts({ deliverable }: { deliverable: Deliverable }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, React.ReactNode][] = [
    [t('deliverable.assignee'), deliverable.assignee?.displayName ?? t('deliverable.unassigned')],
    [t('deliverable.dueAt'), deliverable.dueAt ? format.dateTime(deliverable.dueAt) : t('deliverable.noDueDate')],
    [t('deliverable.rounds.title'), <RoundsText key="rounds" rounds={deliverable.rounds} />],
    [t('deliverable.versions'), format.number(deliverable.versionCount)],
  ];
  return <DetailsList rows={rows} />;
}

function DeliverableView({ deliverable }: { deliverable: Deliverable }) {
  const { t } = useTranslation();
  const member = useMember();
  const staff = audienceOf(member.role) !== 'client';
  const [editing, setEditing] = useState(false);
  const lateDraft = new URLSearchParams({
    engagementId: deliverable.engagementId,
    deliverableId: deliverable.id,
    category: 'missed_deadline',
    ...(deliverable.dueAt ? { occurredAt: deliverable.dueAt } : {}),
  });
  return (
    <>
      <PageHeader
        title={deliverable.title}
        description={
          <>
            <Link to={`/engagements/${deliverable.engagementId}`} className="text-link back-link">
              {t('disclosure.backToEngagement', { name: deliverable.engagementName })}
            </Link>
            <span className="header-meta">
              <DeliverableStatusBadge status={deliverable.status} /> {deliverable.late ? <LateBadge /> : null}
            </span>
          </>
        }
        actions={
          staff && isStaffDeliverable(deliverable) && deliverable.late ? (
            <Link to={`/disclosures/new?${lateDraft.toString()}`} className="button button-secondary">
              {t('deliverable.discloseLate')}
            </Link>
          ) : null
        }
      />
      <div className="columns columns-wide">
        <Section
          title={t('deliverable.aboutTitle')}
          actions={
            staff && !editing ? (
              <Button variant="quiet" onClick={() => setEditing(true)}>
                {t('deliverable.edit')}
              </Button>
            ) : null
          }
        >
          {editing ? (
            <EditDeliverableForm deliverable={deliverable} onClose={() => setEditing(false)} />
          ) : (
            <>
              {deliverable.description ? (
                <p className="notes" dir="auto">
                  {deliverable.description}
                </p>
              ) : null}
              <Facts deliverable={deliverable} />
            </>
          )}
        </Section>
        <Section title={staff ? t('deliverable.staffActionsTitle') : t('deliverable.review.title')}>
          {staff ? (
            <div className="steps">
              {deliverable.status === 'submitted' ? <p className="note">{t('deliverable.waitingClient')}</p> : null}
              {deliverable.status === 'approved' ? (
                <p className="note note-success">
                  {t('deliverable.review.approvedBy', { name: deliverable.approvedBy?.displayName ?? '' })}
                </p>
              ) : null}
              <DeliverVersion deliverable={deliverable} />
            </div>
          ) : (
            <ReviewActions deliverable={deliverable} />
          )}
        </Section>
      </div>
      <Section title={t('deliverable.versionsTitle')} description={t('deliverable.versionsDescription')}>
        <VersionList deliverableId={deliverable.id} versions={deliverable.versions ?? []} />
      </Section>
      <Section title={t('deliverable.request.title')} description={t('deliverable.request.description')}>
        <RevisionRequests requests={deliverable.revisionRequests ?? []} staff={staff} />
      </Section>
    </>
  );
}

/** One deliverable: its versions with files, the client's requests for changes, and what each side does next. */
export function DeliverablePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const deliverable = useDeliverable(id);
  return (
    <QueryView query={deliverable} byStatus={{ 404: t('deliverable.notFound'), 400: t('deliverable.notFound') }}>
      {(data) => <DeliverableView deliverable={data} />}
    </QueryView>
  );
}
