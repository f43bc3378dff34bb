import type { WebhookEndpointResponse } from './dto/webhook-endpoint.response';
import type { WebhookEndpointRow } from './webhook-endpoints.repository';

/** The endpoint as its owner sees it: never a secret, sealed or not; only when the previous one stops signing. */
export function presentWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpointResponse {
  const expiring = row.secrets.map((s) => s.expiresAt).filter((at): at is string => at !== null && new Date(at).getTime() > Date.now());
  const latest = expiring.sort().at(-1);
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince,
    previousSecretExpiresAt: latest ? new Date(latest) : null,
    createdAt: row.createdAt,
  };
}
