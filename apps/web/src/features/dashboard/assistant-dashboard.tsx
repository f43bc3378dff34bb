import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, PageHeader, QueryView, Section } from '../../ui';
import { EngagementList } from '../engagements/engagement-list';
import { useMember } from '../me/current-member';
import { useLoggableEngagements } from '../work-logs/loggable-engagements';
import { DisclosuresSection } from '../disclosures/disclosure-list';
import { DueDeliverables, FollowUpsDue } from './assistant-due';

// Forms and week grouping load after the first paint of the workspace.
const Workspace = lazy(async () => ({ default: (await import('../work-logs/workspace')).Workspace }));

/** An assistant's workspace: their time (log, fix, submit) and the engagements they work on. */
export function AssistantDashboard() {
  const { t } = useTranslation();
  const member = useMember();
  const { query, engagements } = useLoggableEngagements();
  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: member.user.displayName })}
        description={t('dashboard.assistant.description', { tenant: member.tenant.name })}
      />
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Workspace />
      </Suspense>
      <div className="columns">
        <DueDeliverables />
        <FollowUpsDue />
      </div>
      <DisclosuresSection
        filter={{}}
        title={t('disclosure.staff.openTitle')}
        description={t('disclosure.staff.openDescription')}
        emptyTitle={t('disclosure.emptyTitle')}
        emptyText={t('disclosure.emptyText')}
        select={(list) => list.filter((d) => d.status !== 'closed')}
      />
      <Section title={t('dashboard.assistant.engagements')} description={t('dashboard.assistant.engagementsDescription')}>
        <QueryView query={query}>
          {() =>
            engagements.length === 0 ? (
              <EmptyState title={t('dashboard.assistant.emptyTitle')}>{t('dashboard.assistant.emptyText')}</EmptyState>
            ) : (
              <EngagementList engagements={engagements} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}
