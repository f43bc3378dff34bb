import { insertWebhookDelivery, insertWebhookEndpoint } from '../factories';
import { withOwner } from '../owner-db';
import { OWNER_ONLY, type Row } from './matrix';

/** An endpoint written behind the API: turned off unless `active` (the worker then tries to send to it, harmlessly). */
const endpoint = (tenantId: string, status: 'active' | 'disabled' = 'disabled') =>
  withOwner((db) => insertWebhookEndpoint(db, { tenantId, status }));

/**
 * Webhook endpoints: the owner's alone (they send the agency's data out). A public address literal
 * passes the URL check without DNS; the test-event and redelivery rows need an active endpoint.
 */
export const WEBHOOK_ROWS: Row[] = [
  { name: 'GET /webhook-endpoints', call: () => ({ method: 'GET', path: '/api/v1/webhook-endpoints' }), expect: OWNER_ONLY },
  {
    name: 'POST /webhook-endpoints',
    call: () => ({
      method: 'POST',
      path: '/api/v1/webhook-endpoints',
      body: { url: 'https://127.0.0.1:9/hook', events: ['week.approved'] },
    }),
    expect: OWNER_ONLY,
  },
  {
    name: 'GET /webhook-endpoints/:own',
    call: async (c) => ({ method: 'GET', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId)}` }),
    expect: OWNER_ONLY,
  },
  {
    name: 'PATCH /webhook-endpoints/:own',
    call: async (c) => ({ method: 'PATCH', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId)}`, body: { description: 'CRM' } }),
    expect: OWNER_ONLY,
  },
  {
    name: 'DELETE /webhook-endpoints/:own',
    call: async (c) => ({ method: 'DELETE', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId)}` }),
    expect: OWNER_ONLY,
  },
  {
    name: 'POST /webhook-endpoints/:own/rotate-secret',
    call: async (c) => ({ method: 'POST', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId)}/rotate-secret`, body: {} }),
    expect: OWNER_ONLY,
  },
  {
    name: 'GET /webhook-endpoints/:own/deliveries',
    call: async (c) => ({ method: 'GET', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId)}/deliveries` }),
    expect: OWNER_ONLY,
  },
  {
    name: 'POST /webhook-endpoints/:own/test',
    call: async (c) => ({ method: 'POST', path: `/api/v1/webhook-endpoints/${await endpoint(c.tenantId, 'active')}/test`, body: {} }),
    expect: OWNER_ONLY,
  },
  {
    name: 'POST /webhook-events/:own/redeliver',
    call: async (c) => {
      const endpointId = await endpoint(c.tenantId, 'active');
      const eventId = await withOwner((db) => insertWebhookDelivery(db, { tenantId: c.tenantId, endpointId, status: 'failed' }));
      return { method: 'POST', path: `/api/v1/webhook-events/${eventId}/redeliver`, body: {} };
    },
    expect: OWNER_ONLY,
  },
];
