import type { Api } from './api-client';
import { expectStatus } from './expect-status';

/** An integration's API key created by `token`'s owner or manager; answers its id and its secret (shown once). */
export async function createApiKey(
  api: Api,
  token: string,
  scope: 'read_only' | 'time_entries' | 'disclosures' | 'full',
  overrides: { name?: string; expiresAt?: string } = {},
): Promise<{ id: string; secret: string; body: any }> {
  const body = { name: `${scope} key`, scope, ...overrides };
  const response = await expectStatus('API key', api.post('/api/v1/api-keys', body, token), [201]);
  return { id: response.body.id as string, secret: response.body.secret as string, body: response.body };
}
