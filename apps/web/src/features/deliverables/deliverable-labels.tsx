import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../ui';
import type { DeliverableStatus, RevisionRequest, Rounds } from './deliverable-endpoints';

const STATUS_TONE: Record<DeliverableStatus, Tone> = {
  in_progress: 'neutral',
  submitted: 'waiting',
  changes_requested: 'danger',
  approved: 'success',
};

const REQUEST_TONE: Record<RevisionRequest['status'], Tone> = {
  pending_acceptance: 'waiting',
  open: 'info',
  fulfilled: 'success',
  declined: 'neutral',
};

export function DeliverableStatusBadge({ status }: { status: DeliverableStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={STATUS_TONE[status]}>{t(`deliverable.status.${status}`)}</StatusBadge>;
}

export function RevisionRequestBadge({ status }: { status: RevisionRequest['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={REQUEST_TONE[status]}>{t(`deliverable.request.status.${status}`)}</StatusBadge>;
}

export function LateBadge() {
  const { t } = useTranslation();
  return <StatusBadge tone="danger">{t('deliverable.late')}</StatusBadge>;
}

/** "1 of 2 rounds used · 1 left", the engagement's included revision rounds. */
export function RoundsText({ rounds }: { rounds: Rounds }) {
  const { t } = useTranslation();
  return (
    <>
      {t('deliverable.rounds.used', { used: rounds.used, included: rounds.included })} ·{' '}
      {t('deliverable.rounds.remaining', { left: rounds.remaining })}
    </>
  );
}
