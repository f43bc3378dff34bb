import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, StatusBadge, type Tone } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { eventKind, useSendAgain, type DeliveryFailure } from './delivery-queries';

const TONES: Record<string, Tone> = { failed: 'danger', retrying: 'waiting' };

/** One email that failed or is being retried; a failed one can be sent again after a confirmation. */
export function DeliveryRow({ item, onSentAgain }: { item: DeliveryFailure; onSentAgain: (email: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const sendAgain = useSendAgain();
  const [confirming, setConfirming] = useState(false);
  const kind = eventKind(item.event);
  const state = item.state === 'failed' || item.state === 'retrying' ? item.state : 'onItsWay';
  return (
    <li className="list-row delivery-row" data-testid="delivery-row">
      <div className="list-main">
        <p className="list-title">
          {item.recipientName ? <span>{item.recipientName} · </span> : null}
          <bdi>{item.recipientEmail}</bdi>
        </p>
        <p className="list-meta">
          <StatusBadge tone={TONES[state] ?? 'info'}>{t(`deliveries.state.${state}`)}</StatusBadge>
          <span title={item.event}>{kind ? t(`deliveries.kind.${kind}`) : item.event}</span>
          <span>{t('deliveries.attempts', { count: item.attempts })}</span>
          {item.resends > 0 ? <span>{t('deliveries.resends', { count: item.resends })}</span> : null}
          <span>{t('deliveries.created', { date: format.dateTime(item.createdAt) })}</span>
          {item.nextAttemptAt ? <span>{t('deliveries.nextTry', { date: format.dateTime(item.nextAttemptAt) })}</span> : null}
        </p>
        <p className="delivery-reason">
          <span>{t('deliveries.reason')} </span>
          <bdi dir="ltr">{item.reason ?? t('deliveries.noReason')}</bdi>
        </p>
        {confirming ? (
          <div className="delivery-confirm" role="group" aria-label={t('deliveries.confirmTitle')}>
            <p>{t('deliveries.confirm', { email: item.recipientEmail })}</p>
            <div className="form-actions">
              <Button
                variant="primary"
                pending={sendAgain.isPending}
                onClick={() =>
                  !sendAgain.isPending &&
                  sendAgain.mutate(item.id, {
                    onSuccess: () => {
                      setConfirming(false);
                      onSentAgain(item.recipientEmail);
                    },
                  })
                }
              >
                {t('deliveries.confirmSend')}
              </Button>
              <Button variant="quiet" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        ) : null}
        <ErrorAlert messages={sendAgain.isError ? errorMessages(sendAgain.error, { 409: t('deliveries.notFailedAnyMore') }) : []} />
      </div>
      {item.state === 'failed' && !confirming ? (
        <div className="list-aside">
          <Button onClick={() => setConfirming(true)} aria-label={t('deliveries.sendAgainTo', { email: item.recipientEmail })}>
            {t('deliveries.sendAgain')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
