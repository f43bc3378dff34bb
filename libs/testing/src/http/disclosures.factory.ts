import type { Api } from './api-client';
import { expectStatus } from './expect-status';

/** A draft disclosure of a copy error discovered ten minutes ago; `overrides` say what matters to the test. */
export async function createDisclosure(
  api: Api,
  token: string,
  engagementId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; body: any }> {
  const discovered = Date.now() - 600_000;
  const body = {
    engagementId,
    category: 'copy_error',
    severity: 'low',
    occurredAt: new Date(discovered - 3_600_000).toISOString(),
    discoveredAt: new Date(discovered).toISOString(),
    whatHappened: "We sent the price list with last year's prices.",
    impact: 'Two customers saw old prices.',
    apology: 'We are sorry; we should have checked the file date.',
    ...overrides,
  };
  const response = await expectStatus('disclosure', api.post('/api/v1/disclosures', body, token), [201]);
  return { id: response.body.id as string, body: response.body };
}

/**
 * One lifecycle step (`disclose`, `acknowledge`, `propose-remedy`, `accept-remedy`, `start-remediation`,
 * `resolve`, ...) taken by whoever holds `token`; answers the disclosure as they see it.
 */
export async function disclosureStep(
  api: Api,
  token: string,
  disclosureId: string,
  step: string,
  body: Record<string, unknown> = {},
): Promise<any> {
  return (await expectStatus(`disclosure ${step}`, api.post(`/api/v1/disclosures/${disclosureId}/${step}`, body, token), [200])).body;
}

/** A draft written and disclosed to the client at once. */
export async function discloseNew(api: Api, token: string, engagementId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const { id } = await createDisclosure(api, token, engagementId, overrides);
  await disclosureStep(api, token, id, 'disclose');
  return id;
}

/** Offers compensation on a disclosure; answers the disclosure with its offers (the new one last). */
export async function makeOffer(
  api: Api,
  token: string,
  disclosureId: string,
  offer: Record<string, unknown> = { kind: 'free_revision' },
): Promise<any> {
  return (await expectStatus('offer', api.post(`/api/v1/disclosures/${disclosureId}/offers`, offer, token), [201])).body;
}

/** The standing remedy for one category of error on an engagement. */
export async function setRemedyPolicy(
  api: Api,
  token: string,
  engagementId: string,
  category: string,
  policy: Record<string, unknown> = { remedyPlan: 'We fix it within a day.', remedyDueHours: 24 },
): Promise<any> {
  return (await expectStatus('remedy policy', api.put(`/api/v1/engagements/${engagementId}/remedy-policies/${category}`, policy, token)))
    .body;
}

/** The client accepts or declines an offer; answers the disclosure with its offers. */
export async function answerOffer(
  api: Api,
  token: string,
  offerId: string,
  answer: 'accept' | 'decline',
  body: Record<string, unknown> = {},
): Promise<any> {
  return (await expectStatus(`offer ${answer}`, api.post(`/api/v1/compensation-offers/${offerId}/${answer}`, body, token), [200])).body;
}
