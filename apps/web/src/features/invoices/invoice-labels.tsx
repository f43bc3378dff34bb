import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../ui';
import type { InvoiceStatus } from './invoice-endpoints';

const TONES: Record<InvoiceStatus, Tone> = { draft: 'neutral', issued: 'info', sent: 'waiting', paid: 'success', void: 'danger' };

/** The invoice's status in words, and "overdue" when it is past due and unpaid. */
export function InvoiceStatusBadge({ status, overdue }: { status: InvoiceStatus; overdue: boolean }) {
  const { t } = useTranslation();
  return overdue ? (
    <StatusBadge tone="danger">{t('invoices.overdue')}</StatusBadge>
  ) : (
    <StatusBadge tone={TONES[status]}>{t(`invoices.status.${status}`)}</StatusBadge>
  );
}
