import { useTranslation } from 'react-i18next';
import { NamedRow } from '../../ui';
import type { ClientAccount } from './client-account-endpoints';
import { useFormat } from '../../lib/i18n/use-format';
import { BouncedBadge } from '../delivery-failures/bounced-badge';
import { bounceOf, useBouncedRecipients } from '../delivery-failures/delivery-queries';
import { useMember } from '../me/current-member';

/** Client accounts, newest first, each leading to its page. */
export function ClientList({ clients, limit }: { clients: ClientAccount[]; limit?: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const bounced = useBouncedRecipients(useMember().role).data;
  const sorted = [...clients].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
  return (
    <ul className="list" data-testid="client-list">
      {sorted.map((client) => (
        <NamedRow
          key={client.id}
          name={client.name}
          to={`/clients/${client.id}`}
          meta={
            <>
              {client.billingEmail ? <bdi>{client.billingEmail}</bdi> : t('clients.noBillingEmail')}
              <BouncedBadge bounce={bounceOf(bounced, client.billingEmail) ?? bounced?.find((b) => b.clientAccountId === client.id)} />
            </>
          }
          aside={t('clients.addedOn', { date: format.date(client.createdAt) })}
        />
      ))}
    </ul>
  );
}
