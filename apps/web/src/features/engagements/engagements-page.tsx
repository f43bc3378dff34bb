import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader, QueryView, Section } from '../../app/ui';
import { audienceOf } from '../../lib/roles';
import { useMember } from '../me/current-member';
import { EngagementList } from './engagement-list';
import { useEngagements } from './engagement-queries';

/** Every engagement the member may see: the agency's for staff, their own company's for a client. */
export function EngagementsPage() {
  const { t } = useTranslation();
  const member = useMember();
  const engagements = useEngagements();
  const client = audienceOf(member.role) === 'client';
  return (
    <>
      <PageHeader title={t('engagements.title')} description={client ? t('engagements.descriptionClient') : t('engagements.description')} />
      <Section title={t('engagements.listTitle')}>
        <QueryView query={engagements}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('engagements.emptyTitle')}>{t('engagements.emptyText')}</EmptyState>
            ) : (
              <EngagementList engagements={list} showClient={!client} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}
