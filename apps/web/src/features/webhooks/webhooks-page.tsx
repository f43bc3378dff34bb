import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleGate } from '../../app/layout/role-gate';
import { EmptyState, PageHeader, QueryView, Section } from '../../ui';
import { EndpointCard } from './endpoint-card';
import { NewEndpointForm } from './endpoint-form';
import { SecretOnce } from './secret-once';
import type { WebhookSecret } from './webhooks-endpoints';
import { useWebhookEndpoints } from './webhooks-queries';
import './webhooks.css';

function Webhooks() {
  const { t } = useTranslation();
  const endpoints = useWebhookEndpoints();
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  return (
    <>
      <PageHeader title={t('webhooks.title')} description={t('webhooks.description')} />
      {secret ? <SecretOnce url={secret.endpoint.url} secret={secret.secret} onDone={() => setSecret(null)} /> : null}
      <Section title={t('webhooks.listTitle')}>
        <QueryView query={endpoints}>
          {(data) =>
            data.length ? (
              <ul className="webhook-endpoints">
                {data.map((endpoint) => (
                  <EndpointCard key={endpoint.id} endpoint={endpoint} onSecret={setSecret} />
                ))}
              </ul>
            ) : (
              <EmptyState title={t('webhooks.emptyTitle')}>{t('webhooks.emptyText')}</EmptyState>
            )
          }
        </QueryView>
      </Section>
      <Section title={t('webhooks.newTitle')} description={t('webhooks.newDescription')}>
        <NewEndpointForm onCreated={setSecret} />
      </Section>
    </>
  );
}

/** The owner's webhook endpoints: register, rotate secrets, read the delivery log, send again. */
export function WebhooksPage() {
  return (
    <RoleGate allow={(role) => role === 'owner'}>
      <Webhooks />
    </RoleGate>
  );
}
