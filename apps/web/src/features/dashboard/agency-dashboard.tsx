import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState, PageHeader, QueryView, Section } from '../../ui';
import { ClientList } from '../client-accounts/client-list';
import { useClientAccounts } from '../client-accounts/client-queries';
import { useMember } from '../me/current-member';
import { InvitationList } from '../invitations/invitation-list';
import { usePendingInvitations } from '../invitations/invitation-queries';
import { WeeksSection } from '../timesheet-weeks/weeks-section';
import { DisclosuresSection } from '../disclosures/disclosure-list';
import { FirstRunGuide } from './first-run-guide';
import { StatLink } from './stat-link';

/** Owners and managers: the state of the agency's clients and team at a glance. */
export function AgencyDashboard() {
  const { t, i18n } = useTranslation();
  const member = useMember();
  const clients = useClientAccounts();
  const invitations = usePendingInvitations();
  const count = (value: number | undefined) => (value === undefined ? '–' : new Intl.NumberFormat(i18n.language).format(value));

  return (
    <>
      <PageHeader
        title={t('dashboard.greeting', { name: member.user.displayName })}
        description={t('dashboard.agency.description', { tenant: member.tenant.name })}
        actions={
          <>
            <Link to="/clients" className="button button-secondary">
              {t('dashboard.agency.addClient')}
            </Link>
            <Link to="/team" className="button button-primary">
              {t('dashboard.agency.invite')}
            </Link>
          </>
        }
      />
      <FirstRunGuide />
      <div className="stats">
        <StatLink
          to="/clients"
          value={count(clients.data?.length)}
          label={t('dashboard.agency.clientCount', { count: clients.data?.length ?? 0 })}
        />
        <StatLink
          to="/team"
          value={count(invitations.data?.length)}
          label={t('dashboard.agency.pendingCount', { count: invitations.data?.length ?? 0 })}
        />
      </div>
      <DisclosuresSection
        filter={{ status: 'in_review' }}
        title={t('disclosure.staff.reviewQueueTitle')}
        description={t('disclosure.staff.reviewQueueDescription')}
        emptyTitle={t('disclosure.staff.reviewQueueEmptyTitle')}
        emptyText={t('disclosure.staff.reviewQueueEmptyText')}
        select={(list) => [...list].sort((a, b) => Number('overdue' in b && b.overdue) - Number('overdue' in a && a.overdue))}
      />
      <div className="columns">
        <WeeksSection
          filter={{ status: 'disputed' }}
          title={t('dashboard.agency.disputedTitle')}
          description={t('dashboard.agency.disputedDescription')}
          emptyTitle={t('dashboard.agency.disputedEmptyTitle')}
          emptyText={t('dashboard.agency.disputedEmptyText')}
        />
        <WeeksSection
          filter={{ status: 'submitted' }}
          title={t('dashboard.agency.waitingTitle')}
          description={t('dashboard.agency.waitingDescription')}
          emptyTitle={t('dashboard.agency.waitingEmptyTitle')}
          emptyText={t('dashboard.agency.waitingEmptyText')}
        />
      </div>
      <div className="columns">
        <Section
          title={t('dashboard.agency.recentClients')}
          actions={
            <Link to="/clients" className="text-link">
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          <QueryView query={clients}>
            {(list) =>
              list.length === 0 ? (
                <EmptyState title={t('clients.emptyTitle')}>{t('clients.emptyText')}</EmptyState>
              ) : (
                <ClientList clients={list} limit={5} />
              )
            }
          </QueryView>
        </Section>
        <Section
          title={t('team.pendingTitle')}
          actions={
            <Link to="/team" className="text-link">
              {t('dashboard.viewAll')}
            </Link>
          }
        >
          <QueryView query={invitations}>
            {(list) =>
              list.length === 0 ? (
                <EmptyState title={t('team.pendingEmptyTitle')}>{t('team.pendingEmptyText')}</EmptyState>
              ) : (
                <InvitationList invitations={list.slice(0, 5)} clients={clients.data ?? []} />
              )
            }
          </QueryView>
        </Section>
      </div>
    </>
  );
}
