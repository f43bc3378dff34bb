import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, EmptyState, PageHeader, QueryView, Section } from '../../ui';
import { audienceOf, canManageClients } from '@candor/domain';
import { useMember } from '../me/current-member';
import { EngagementList } from './engagement-list';
import { NewEngagement } from './engagement-management';
import { useEngagements } from './engagement-queries';

/** Every engagement the member may see: the agency's for staff, their own company's for a client. */
export function EngagementsPage() {
  const { t } = useTranslation();
  const member = useMember();
  const engagements = useEngagements();
  const client = audienceOf(member.role) === 'client';
  const mayCreate = canManageClients(member.role);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PageHeader
        title={t('engagements.title')}
        description={client ? t('engagements.descriptionClient') : t('engagements.description')}
        actions={
          mayCreate && !adding ? (
            <Button variant="primary" onClick={() => setAdding(true)}>
              {t('engagements.form.new')}
            </Button>
          ) : undefined
        }
      />
      {adding ? <NewEngagement onClose={() => setAdding(false)} /> : null}
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
