import { useTranslation } from 'react-i18next';
import { EmptyState, PageHeader, QueryView, Section } from '../../app/ui';
import { ClientList } from '../clients/client-list';
import { useClientAccounts } from '../clients/client-queries';
import { useMember } from '../me/current-member';

/** An assistant's workspace: the clients they work for. */
export function AssistantDashboard() {
  const { t } = useTranslation();
  const member = useMember();
  const clients = useClientAccounts();
  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: member.user.displayName })}
        description={t('dashboard.assistant.description', { tenant: member.tenant.name })}
      />
      <Section title={t('dashboard.assistant.clients')} description={t('dashboard.assistant.clientsDescription')}>
        <QueryView query={clients}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('dashboard.assistant.emptyTitle')}>{t('dashboard.assistant.emptyText')}</EmptyState>
            ) : (
              <ClientList clients={list} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}
