import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge, type Tone } from '../../ui';
import type { DisclosureStatus, FollowUp, Offer } from './disclosure-endpoints';
import { useFormat } from '../../lib/i18n/use-format';

const DISCLOSURE_TONE: Record<DisclosureStatus, Tone> = {
  draft: 'neutral',
  in_review: 'waiting',
  disclosed: 'info',
  acknowledged: 'info',
  remedy_proposed: 'waiting',
  remedy_accepted: 'info',
  remedy_changes_requested: 'danger',
  in_remediation: 'info',
  resolved: 'success',
  closed: 'neutral',
};

const OFFER_TONE: Record<Offer['status'], Tone> = {
  offered: 'waiting',
  accepted: 'success',
  declined: 'neutral',
  withdrawn: 'neutral',
  expired: 'neutral',
  applied: 'success',
};

const FOLLOW_UP_TONE: Record<FollowUp['status'], Tone> = { pending: 'waiting', done: 'success', skipped: 'neutral' };

export function DisclosureStatusBadge({ status }: { status: DisclosureStatus }) {
  const { t } = useTranslation();
  return <StatusBadge tone={DISCLOSURE_TONE[status]}>{t(`status.disclosure.${status}`)}</StatusBadge>;
}

export function OfferStatusBadge({ status }: { status: Offer['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={OFFER_TONE[status]}>{t(`status.offer.${status}`)}</StatusBadge>;
}

export function FollowUpStatusBadge({ status }: { status: FollowUp['status'] }) {
  const { t } = useTranslation();
  return <StatusBadge tone={FOLLOW_UP_TONE[status]}>{t(`status.followUp.${status}`)}</StatusBadge>;
}

/** An offer in words of the reader's language: "10 % off the next project", "€25.00 credit". */
export function useOfferText() {
  const { t } = useTranslation();
  const format = useFormat();
  return useCallback(
    (offer: Pick<Offer, 'kind' | 'value' | 'currency'>) => {
      const value =
        offer.value === null
          ? ''
          : offer.currency && (offer.kind === 'credit' || offer.kind === 'refund')
            ? format.money(offer.value, offer.currency)
            : format.number(Number(offer.value));
      return t(`disclosure.offerValue.${offer.kind}`, { value });
    },
    [t, format],
  );
}

/** A span of seconds as the largest whole unit that fits: "45 minutes", "3 hours", "2 days". */
export function useDuration() {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number | null | undefined) => {
      if (seconds === null || seconds === undefined) return t('analytics.noData');
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return t('duration.minutes', { count: minutes });
      const hours = Math.round(seconds / 3600);
      if (hours < 48) return t('duration.hours', { count: hours });
      return t('duration.days', { count: Math.round(seconds / 86400) });
    },
    [t],
  );
}
