import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageHeader, QueryView, Section } from '../../ui';
import { AccountDetails } from '../client-accounts/account-details';
import { useClientAccount } from '../client-accounts/client-queries';
import { EngagementList } from '../engagements/engagement-list';
import { useEngagements } from '../engagements/engagement-queries';
import { WeeksSection } from '../timesheet-weeks/weeks-section';
import { useMember } from '../me/current-member';
import { ClientAttention } from './client-attention';
import { InvitationList } from '../invitations/invitation-list';
import { usePendingInvitations } from '../invitations/invitation-queries';

function PendingColleagues({ clientName }: { clientName: string }) {
  const { t } = useTranslation();
  const invitations = usePendingInvitations();
  return (
    <Section
      title={t('dashboard.client.peopleTitle')}
      description={t('dashboard.client.peopleDescription', { client: clientName })}
      actions={
        <Link to="/team" className="text-link">
          {t('dashboard.client.invite')}
        </Link>
      }
    >
      <QueryView query={invitations}>
        {(list) =>
          list.length === 0 ? (
            <EmptyState title={t('team.pendingEmptyTitle')}>{t('dashboard.client.peopleEmpty')}</EmptyState>
          ) : (
            <InvitationList invitations={list} clients={[]} />
          )
        }
      </QueryView>
    </Section>
  );
}

/** A client's portal: their account with the agency, and for the client admin the colleagues they invited. */
export function ClientDashboard() {
  const { t } = useTranslation();
  const member = useMember();
  const account = useClientAccount(member.clientAccountId ?? '');
  const engagements = useEngagements();
  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: member.user.displayName })}
        description={t('dashboard.client.description', { tenant: member.tenant.name })}
      />
      <ClientAttention />
      <WeeksSection
        filter={{ status: 'submitted' }}
        title={t('dashboard.client.waitingTitle')}
        description={
          member.role === 'client_admin' ? t('dashboard.client.waitingDescription') : t('dashboard.client.waitingDescriptionMember')
        }
        emptyTitle={t('dashboard.client.waitingEmptyTitle')}
        emptyText={t('dashboard.client.waitingEmptyText')}
      />
      <Section
        title={t('dashboard.client.engagementsTitle')}
        actions={
          <Link to="/engagements" className="text-link">
            {t('dashboard.viewAll')}
          </Link>
        }
      >
        <QueryView query={engagements}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('engagements.emptyTitle')}>{t('engagements.emptyText')}</EmptyState>
            ) : (
              <EngagementList engagements={list} showClient={false} />
            )
          }
        </QueryView>
      </Section>
      <div className="columns">
        <Section
          title={t('dashboard.client.accountTitle')}
          actions={
            <Link to="/account" className="text-link">
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          <QueryView query={account}>{(data) => <AccountDetails account={data} />}</QueryView>
        </Section>
        {member.role === 'client_admin' && account.data ? <PendingColleagues clientName={account.data.name} /> : null}
      </div>
    </>
  );
}
