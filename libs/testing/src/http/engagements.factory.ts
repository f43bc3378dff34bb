import type { Api } from './api-client';
import { expectStatus, shortId } from './expect-status';

export async function createClientAccount(api: Api, token: string, name = `Client ${shortId()}`): Promise<string> {
  return (await expectStatus('client account', api.post('/api/v1/client-accounts', { name }, token), [201])).body.id as string;
}

/** An active engagement (45.00 EUR an hour unless overridden) with the given assistants assigned. */
export async function createEngagement(
  api: Api,
  token: string,
  clientAccountId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; body: any }> {
  const body = { clientAccountId, name: `Engagement ${shortId()}`, currency: 'EUR', hourlyRate: '45.00', ...overrides };
  const response = await expectStatus('engagement', api.post('/api/v1/engagements', body, token), [201]);
  return { id: response.body.id as string, body: response.body };
}

/** A new hourly rate from a date on. */
export async function addRate(api: Api, token: string, engagementId: string, hourlyRate: string, effectiveFrom: string): Promise<void> {
  await expectStatus('rate', api.post(`/api/v1/engagements/${engagementId}/rates`, { hourlyRate, effectiveFrom }, token));
}

/** A read-only share link to an engagement's time (this month unless told otherwise). */
export async function createShareLink(api: Api, token: string, engagementId: string, body: Record<string, unknown> = {}): Promise<any> {
  return (await expectStatus('share link', api.post(`/api/v1/engagements/${engagementId}/share-links`, body, token))).body;
}
