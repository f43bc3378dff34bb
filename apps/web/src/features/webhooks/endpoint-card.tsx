import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, StatusBadge } from '../../ui';
import { useErrorMessages } from '../../lib/i18n/use-error-messages';
import { useFormat } from '../../lib/i18n/use-format';
import { DeliveryLog } from './delivery-log';
import type { WebhookEndpoint, WebhookSecret } from './webhooks-endpoints';
import { useDeleteWebhookEndpoint, useRotateWebhookSecret, useSendWebhookTest, useUpdateWebhookEndpoint } from './webhooks-queries';

/** One endpoint: what it receives, its health, and what the owner can do with it. */
export function EndpointCard({ endpoint, onSecret }: { endpoint: WebhookEndpoint; onSecret: (created: WebhookSecret) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorMessages = useErrorMessages();
  const [showLog, setShowLog] = useState(false);
  const [confirming, setConfirming] = useState<'rotate' | 'delete' | null>(null);
  const [tested, setTested] = useState(false);
  const update = useUpdateWebhookEndpoint();
  const remove = useDeleteWebhookEndpoint();
  const rotate = useRotateWebhookSecret();
  const test = useSendWebhookTest();
  const failed = [update, remove, rotate, test].find((m) => m.isError);
  const active = endpoint.status === 'active';
  return (
    <li className="webhook-endpoint" data-testid="webhook-endpoint">
      <div className="webhook-endpoint-head">
        <bdi dir="ltr" className="webhook-url">
          {endpoint.url}
        </bdi>
        <StatusBadge tone={active ? 'success' : 'danger'}>
          {active ? t('webhooks.active') : endpoint.disabledReason === 'failing' ? t('webhooks.disabledFailing') : t('webhooks.disabled')}
        </StatusBadge>
      </div>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <p className="webhook-meta">
        {endpoint.events.map((type) => (
          <code key={type} dir="ltr">
            {type}
          </code>
        ))}
      </p>
      {endpoint.failingSince ? (
        <p className="webhook-meta">{t('webhooks.failingSince', { date: format.dateTime(endpoint.failingSince) })}</p>
      ) : null}
      {endpoint.previousSecretExpiresAt ? (
        <p className="webhook-meta">{t('webhooks.previousSecret', { date: format.dateTime(endpoint.previousSecretExpiresAt) })}</p>
      ) : null}
      <ErrorAlert messages={failed ? errorMessages(failed.error) : []} />
      {tested ? <p role="status">{t('webhooks.testSent')}</p> : null}
      {confirming ? (
        <div className="webhook-confirm" role="group" aria-label={t(`webhooks.confirm.${confirming}`)}>
          <p>{t(`webhooks.confirm.${confirming}`)}</p>
          <Button
            variant="primary"
            pending={rotate.isPending || remove.isPending}
            onClick={() => {
              if (confirming === 'rotate') rotate.mutate(endpoint.id, { onSuccess: onSecret });
              else remove.mutate(endpoint.id);
              setConfirming(null);
            }}
          >
            {t(`webhooks.confirmYes.${confirming}`)}
          </Button>
          <Button onClick={() => setConfirming(null)}>{t('webhooks.cancel')}</Button>
        </div>
      ) : null}
      <div className="form-actions">
        <Button onClick={() => setShowLog((open) => !open)} aria-expanded={showLog}>
          {showLog ? t('webhooks.hideLog') : t('webhooks.showLog')}
        </Button>
        {active ? (
          <Button
            pending={test.isPending}
            onClick={() => !test.isPending && test.mutate(endpoint.id, { onSuccess: () => setTested(true) })}
          >
            {t('webhooks.sendTest')}
          </Button>
        ) : null}
        <Button onClick={() => setConfirming('rotate')}>{t('webhooks.rotate')}</Button>
        <Button pending={update.isPending} onClick={() => update.mutate({ id: endpoint.id, patch: { enabled: !active } })}>
          {active ? t('webhooks.turnOff') : t('webhooks.turnOn')}
        </Button>
        <Button variant="quiet" onClick={() => setConfirming('delete')}>
          {t('webhooks.delete')}
        </Button>
      </div>
      {showLog ? <DeliveryLog endpointId={endpoint.id} /> : null}
    </li>
  );
}
