/** The owner's webhook endpoints, their delivery log and redelivery. Types come from the generated schema. */
import { api, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type WebhookEndpoint = Schemas['WebhookEndpointResponse'];
export type WebhookSecret = Schemas['WebhookSecretResponse'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponse'];
export type NewWebhookEndpoint = Schemas['CreateWebhookEndpointDto'];
export type WebhookEndpointPatch = Schemas['UpdateWebhookEndpointDto'];

const byId = (id: string) => ({ params: { path: { id } } });

export function listWebhookEndpoints() {
  return unwrap(api.GET('/api/v1/webhook-endpoints'));
}

export function createWebhookEndpoint(body: NewWebhookEndpoint) {
  return unwrap(api.POST('/api/v1/webhook-endpoints', { body }));
}

export function updateWebhookEndpoint(id: string, body: WebhookEndpointPatch) {
  return unwrap(api.PATCH('/api/v1/webhook-endpoints/{id}', { ...byId(id), body }));
}

export function deleteWebhookEndpoint(id: string) {
  return unwrapVoid(api.DELETE('/api/v1/webhook-endpoints/{id}', byId(id)));
}

export function rotateWebhookSecret(id: string) {
  return unwrap(api.POST('/api/v1/webhook-endpoints/{id}/rotate-secret', byId(id)));
}

export function sendWebhookTest(id: string) {
  return unwrap(api.POST('/api/v1/webhook-endpoints/{id}/test', byId(id)));
}

export function listWebhookDeliveries(id: string) {
  return unwrap(api.GET('/api/v1/webhook-endpoints/{id}/deliveries', byId(id)));
}

export function redeliverWebhook(eventId: string) {
  return unwrap(api.POST('/api/v1/webhook-events/{id}/redeliver', byId(eventId)));
}
