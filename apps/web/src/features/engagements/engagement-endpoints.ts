/** Engagements with their rates and confidentiality terms. Types come from the generated schema. */
import { api, byId, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Engagement = Schemas['EngagementResponse'];
export type EngagementStatus = Engagement['status'];
export type Rate = Schemas['RateResponse'];
export type EngagementFilter = NonNullable<paths['/api/v1/engagements']['get']['parameters']['query']>;

export function listEngagements(query: EngagementFilter = {}) {
  return unwrap(api.GET('/api/v1/engagements', { params: { query } }));
}

export function getEngagement(id: string) {
  return unwrap(api.GET('/api/v1/engagements/{id}', byId(id)));
}

export function listRates(id: string) {
  return unwrap(api.GET('/api/v1/engagements/{id}/rates', byId(id)));
}

export function acceptConfidentiality(id: string) {
  return unwrap(api.POST('/api/v1/engagements/{id}/confidentiality/accept', byId(id)));
}

export type EngagementInput = Schemas['CreateEngagementDto'];
export type EngagementPatch = Schemas['UpdateEngagementDto'];
export type RateInput = Schemas['CreateRateDto'];

export function createEngagement(input: EngagementInput) {
  return unwrap(api.POST('/api/v1/engagements', { body: input }));
}

export function updateEngagement(id: string, patch: EngagementPatch) {
  return unwrap(api.PATCH('/api/v1/engagements/{id}', { ...byId(id), body: patch }));
}

export function addRate(id: string, input: RateInput) {
  return unwrap(api.POST('/api/v1/engagements/{id}/rates', { ...byId(id), body: input }));
}
