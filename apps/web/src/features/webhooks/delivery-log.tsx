import { useTranslation } from 'react-i18next';
import { Button, EmptyState, QueryView, StatusBadge } from '../../ui';
import { useFormat } from '../../lib/i18n/use-format';
import type { WebhookDelivery } from './webhooks-endpoints';
import { useRedeliverWebhook, useWebhookDeliveries } from './webhooks-queries';

const FINISHED = new Set(['delivered', 'failed']);

function outcome(d: WebhookDelivery): string {
  return d.responseStatus !== null ? String(d.responseStatus) : (d.error ?? '');
}

/** An endpoint's attempts, newest first; a finished webhook can be sent again (same webhook-id) from its newest attempt. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const deliveries = useWebhookDeliveries(endpointId);
  const redeliver = useRedeliverWebhook();
  return (
    <QueryView query={deliveries}>
      {(rows) => {
        if (!rows.length) return <EmptyState title={t('webhooks.logEmpty')} />;
        const newest = new Set<string>();
        return (
          <ul className="webhook-log" data-testid="webhook-log">
            {rows.map((d) => {
              const first = !newest.has(d.eventId);
              newest.add(d.eventId);
              return (
                <li key={d.id} className="webhook-log-row">
                  <StatusBadge tone={d.succeeded ? 'success' : 'danger'}>
                    {d.succeeded ? t('webhooks.attemptOk') : t('webhooks.attemptFailed')}
                  </StatusBadge>
                  <code dir="ltr">{d.type}</code>
                  <span>{format.dateTime(d.createdAt)}</span>
                  <span>{t('webhooks.attempt', { number: d.attempt, ms: d.durationMs })}</span>
                  <bdi dir="ltr">{outcome(d)}</bdi>
                  {d.responseBody ? (
                    <details>
                      <summary>{t('webhooks.responseBody')}</summary>
                      <pre dir="ltr">{d.responseBody}</pre>
                    </details>
                  ) : null}
                  {first && FINISHED.has(d.eventStatus) ? (
                    <Button
                      variant="quiet"
                      pending={redeliver.isPending}
                      onClick={() => !redeliver.isPending && redeliver.mutate(d.eventId)}
                    >
                      {t('webhooks.redeliver')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        );
      }}
    </QueryView>
  );
}
