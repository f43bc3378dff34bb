import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Member } from './member-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { BouncedBadge } from '../delivery-failures/bounced-badge';
import { bounceOf, useBouncedRecipients } from '../delivery-failures/delivery-queries';
import { useMember } from '../me/current-member';
import { MemberAdmin } from './member-admin';

/** The people of the workspace (or of one client account): name, email, role, client, since when. */
/** `managedBy`: the owner's own user id, when the owner may change roles and remove members (not themselves). */
export function MemberList({
  members,
  linkClients,
  managedBy = null,
}: {
  members: Member[];
  linkClients: boolean;
  managedBy?: string | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const bounced = useBouncedRecipients(useMember().role).data;
  const sorted = [...members].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <ul className="list" data-testid="member-list">
      {sorted.map((member) => (
        <li key={member.userId} className="list-row">
          <span className="avatar" aria-hidden="true">
            {member.displayName.charAt(0).toUpperCase()}
          </span>
          <div className="list-main">
            <p className="list-title">{member.displayName}</p>
            <p className="list-meta">
              <bdi>{member.email}</bdi>
              <BouncedBadge bounce={bounceOf(bounced, member.email)} />
              <span className="badge">{t(`roles.${member.role}`)}</span>
              {member.clientName && member.clientAccountId ? (
                linkClients ? (
                  <Link to={`/clients/${member.clientAccountId}`} className="text-link">
                    {member.clientName}
                  </Link>
                ) : (
                  <span>{member.clientName}</span>
                )
              ) : null}
            </p>
          </div>
          <p className="list-aside">{t('team.joinedOn', { date: format.date(member.joinedAt) })}</p>
          {managedBy && member.userId !== managedBy ? <MemberAdmin member={member} /> : null}
        </li>
      ))}
    </ul>
  );
}
