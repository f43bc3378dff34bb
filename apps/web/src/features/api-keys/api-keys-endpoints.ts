/** Integrations' API keys (owners and managers). Types come from the generated schema. */
import { api, unwrap } from '../../lib/api/client';
import type { components } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type ApiKey = Schemas['ApiKeyResponse'];
export type CreatedApiKey = Schemas['CreatedApiKeyResponse'];
export type NewApiKey = Schemas['CreateApiKeyDto'];

export function listApiKeys() {
  return unwrap(api.GET('/api/v1/api-keys'));
}

export function createApiKey(body: NewApiKey) {
  return unwrap(api.POST('/api/v1/api-keys', { body }));
}

export function revokeApiKey(id: string) {
  return unwrap(api.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }));
}
