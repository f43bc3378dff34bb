import { useTranslation } from 'react-i18next';
import type { ClientAccount } from './client-account-endpoints';
import { useFormat } from '../../lib/i18n/use-format';

/** What the agency has on file for a client account, as the client may see it (no internal notes). */
export function AccountDetails({ account }: { account: ClientAccount }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="details">
      <div className="details-row">
        <dt>{t('clients.name')}</dt>
        <dd>{account.name}</dd>
      </div>
      <div className="details-row">
        <dt>{t('clients.billingEmail')}</dt>
        <dd>{account.billingEmail ? <bdi>{account.billingEmail}</bdi> : <span className="muted">{t('clients.noBillingEmail')}</span>}</dd>
      </div>
      <div className="details-row">
        <dt>{t('clients.clientSince')}</dt>
        <dd>{format.date(account.createdAt)}</dd>
      </div>
    </dl>
  );
}
