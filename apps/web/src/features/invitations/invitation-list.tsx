import { useTranslation } from 'react-i18next';
import type { ClientAccount } from '../client-accounts/client-account-endpoints';
import type { Invitation } from './invitation-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { BouncedBadge } from '../delivery-failures/bounced-badge';
import { bounceOf, useBouncedRecipients } from '../delivery-failures/delivery-queries';
import { useMember } from '../me/current-member';

/** Pending invitations: who, as what (and for which client), until when. */
export function InvitationList({
  invitations,
  clients,
}: {
  invitations: Invitation[];
  /** To name the client of a client invitation; a client user's list is of their own account. */
  clients: ClientAccount[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const bounced = useBouncedRecipients(useMember().role).data;
  const clientName = new Map(clients.map((client) => [client.id, client.name]));
  const sorted = [...invitations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="list" data-testid="invitation-list">
      {sorted.map((invitation) => {
        const client = invitation.clientAccountId ? clientName.get(invitation.clientAccountId) : undefined;
        return (
          <li key={invitation.id} className="list-row">
            <span className="avatar avatar-pending" aria-hidden="true">
              {invitation.email.charAt(0).toUpperCase()}
            </span>
            <div className="list-main">
              <p className="list-title">
                <bdi>{invitation.email}</bdi>
              </p>
              <p className="list-meta">
                <span className="badge">{t(`roles.${invitation.role}`)}</span>
                <BouncedBadge bounce={bounceOf(bounced, invitation.email)} />
                {client ? <span>{client}</span> : null}
              </p>
            </div>
            <p className="list-aside">{t('team.expiresOn', { date: format.date(invitation.expiresAt) })}</p>
          </li>
        );
      })}
    </ul>
  );
}
