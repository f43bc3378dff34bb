import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../ui';
import type { BouncedRecipient } from './delivery-queries';

/** Says that email to this address bounces, with the mail server's reply on hover and for screen readers. */
export function BouncedBadge({ bounce }: { bounce: BouncedRecipient | undefined }) {
  const { t } = useTranslation();
  if (!bounce) return null;
  const reason = bounce.reason ?? t('deliveries.noReason');
  return (
    <span title={reason} data-testid="bounced-flag">
      <StatusBadge tone="danger">{t('deliveries.bounced')}</StatusBadge>
      <span className="visually-hidden">{t('deliveries.bouncedReason', { reason })}</span>
    </span>
  );
}
