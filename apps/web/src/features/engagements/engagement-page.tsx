import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Button, EmptyState, PageHeader, QueryView, Section } from '../../ui';
import type { Engagement } from './engagement-endpoints';
import { WeekList } from '../timesheet-weeks/week-list';
import { useWeeks } from '../timesheet-weeks/week-queries';
import { EngagementStatusBadge } from '../work-logs/status-badges';
import { Confidentiality, EngagementFacts, RateHistory, RetainerMeter, WorkingAgreement } from './engagement-details';
import { DisclosuresSection } from '../disclosures/disclosure-list';
import { DeliverablesSection } from '../deliverables/deliverable-list';
import { NewDeliverable } from '../deliverables/new-deliverable-form';
import { useMember } from '../me/current-member';
import { audienceOf, canManageClients } from '@candor/domain';
import { AddRate, EditEngagement } from './engagement-management';
import { useEngagement } from './engagement-queries';
import { RemedyPolicies } from './remedy-policies';

function EngagementView({ engagement }: { engagement: Engagement }) {
  const { t } = useTranslation();
  const weeks = useWeeks({ engagementId: engagement.id });
  const member = useMember();
  const staff = audienceOf(member.role) !== 'client';
  const mayManage = canManageClients(member.role);
  const [editing, setEditing] = useState(false);
  return (
    <>
      <PageHeader
        title={engagement.name}
        description={
          <>
            <Link to="/engagements" className="text-link back-link">
              {t('engagements.backToList')}
            </Link>
            <span className="header-meta">
              <EngagementStatusBadge status={engagement.status} /> {engagement.description}
            </span>
          </>
        }
        actions={
          <>
            {mayManage && !editing ? <Button onClick={() => setEditing(true)}>{t('engagements.form.edit')}</Button> : null}
            <Link to={`/engagements/${engagement.id}/timesheet`} className="button button-secondary">
              {t('timesheet.open')}
            </Link>
          </>
        }
      />
      {editing ? <EditEngagement engagement={engagement} onClose={() => setEditing(false)} /> : null}
      <div className="columns">
        <Section title={t('engagements.detailsTitle')}>
          <EngagementFacts engagement={engagement} />
          <RetainerMeter engagement={engagement} />
        </Section>
        <Section title={t('engagements.confidentialityTitle')}>
          <Confidentiality engagement={engagement} />
        </Section>
      </div>
      <DeliverablesSection
        filter={{ engagementId: engagement.id }}
        title={t('deliverable.listTitle')}
        description={t('deliverable.listDescription', { rounds: engagement.includedRevisionRounds })}
        emptyTitle={t('deliverable.emptyTitle')}
        emptyText={t('deliverable.emptyText')}
        showEngagement={false}
      >
        {staff && engagement.status === 'active' ? <NewDeliverable engagement={engagement} /> : null}
      </DeliverablesSection>
      <DisclosuresSection
        filter={{ engagementId: engagement.id }}
        title={t('disclosure.listTitle')}
        description={t('disclosure.listDescription')}
        emptyTitle={t('disclosure.emptyTitle')}
        emptyText={t('disclosure.emptyText')}
        showEngagement={false}
        forClient={!staff}
        actions={
          staff && engagement.status === 'active' ? (
            <Link to={`/engagements/${engagement.id}/disclosures/new`} className="button button-secondary">
              {t('disclosure.new')}
            </Link>
          ) : null
        }
      />
      <Section title={t('weeks.listTitle')} description={t('weeks.listDescription')}>
        <QueryView query={weeks}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('weeks.emptyTitle')}>{t('weeks.emptyText')}</EmptyState>
            ) : (
              <WeekList weeks={list} showEngagement={false} />
            )
          }
        </QueryView>
      </Section>
      <div className="columns">
        <Section title={t('engagements.agreementTitle')}>
          <WorkingAgreement engagement={engagement} />
        </Section>
        <Section title={t('engagements.ratesTitle')} description={t('engagements.ratesDescription')}>
          <RateHistory engagement={engagement} />
          {mayManage ? <AddRate engagement={engagement} /> : null}
        </Section>
      </div>
      <RemedyPolicies engagement={engagement} />
    </>
  );
}

/** One engagement for staff and its client: status, rates, people, confidentiality, submitted weeks. */
export function EngagementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const engagement = useEngagement(id);
  return (
    <QueryView query={engagement} byStatus={{ 404: t('engagements.notFound'), 400: t('engagements.notFound') }}>
      {(data) => <EngagementView engagement={data} />}
    </QueryView>
  );
}
