import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import { EmptyState, PageHeader, QueryView, Section } from '../../ui';
import { invitableRoles } from '@candor/domain';
import { useClientAccounts } from '../client-accounts/client-queries';
import { useMember } from '../me/current-member';
import { InvitationList } from '../invitations/invitation-list';
import { usePendingInvitations } from '../invitations/invitation-queries';
import { InviteForm } from '../invitations/invite-form';
import { MemberList } from './member-list';
import { useMembers } from './member-queries';

function Team() {
  const { t } = useTranslation();
  const member = useMember();
  const invitations = usePendingInvitations();
  const clients = useClientAccounts();
  const members = useMembers();
  const forClient = member.role === 'client_admin';
  const clientName = forClient ? clients.data?.[0]?.name : undefined;

  return (
    <>
      <PageHeader
        title={forClient ? t('team.clientTitle') : t('team.title')}
        description={
          forClient
            ? t('team.clientDescription', { client: clientName ?? '', tenant: member.tenant.name })
            : t('team.description', { tenant: member.tenant.name })
        }
      />
      <div className="columns columns-form">
        <Section title={t('team.invite.title')} description={t('team.invite.description')}>
          <QueryView query={clients}>
            {(list) => <InviteForm roles={invitableRoles(member.role)} clients={list} ownClientAccountId={member.clientAccountId} />}
          </QueryView>
        </Section>
        <Section title={t('team.pendingTitle')} description={t('team.pendingDescription')}>
          <QueryView query={invitations}>
            {(list) =>
              list.length === 0 ? (
                <EmptyState title={t('team.pendingEmptyTitle')}>{t('team.pendingEmptyText')}</EmptyState>
              ) : (
                <InvitationList invitations={list} clients={clients.data ?? []} />
              )
            }
          </QueryView>
        </Section>
      </div>
      <Section
        title={forClient ? t('team.membersClientTitle') : t('team.membersTitle')}
        description={forClient ? t('team.membersClientDescription', { client: clientName ?? '' }) : t('team.membersDescription')}
      >
        <QueryView query={members}>
          {(list) =>
            list.length === 0 ? (
              <EmptyState title={t('team.membersEmptyTitle')}>{t('team.membersEmptyText')}</EmptyState>
            ) : (
              <MemberList members={list} linkClients={!forClient} managedBy={member.role === 'owner' ? member.user.id : null} />
            )
          }
        </QueryView>
      </Section>
    </>
  );
}

/** Owners and managers invite their team and clients; a client admin invites colleagues of their company. */
export function TeamPage() {
  return (
    <RoleGate allow={(role) => invitableRoles(role).length > 0}>
      <Team />
    </RoleGate>
  );
}
