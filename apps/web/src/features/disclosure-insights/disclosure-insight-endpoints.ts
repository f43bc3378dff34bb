/** What disclosures add up to: analytics, lessons, a client's service record and credits. Types come from the generated schema. */
import { api, byId, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type ServiceRecord = Schemas['ServiceRecordResponse'];
export type Credits = Schemas['CreditsResponse'];
export type Analytics = Schemas['AnalyticsResponse'];
export type Lesson = Schemas['LessonResponse'];
export type LessonFilter = NonNullable<paths['/api/v1/lessons']['get']['parameters']['query']>;

export function getServiceRecord(clientAccountId: string) {
  return unwrap(api.GET('/api/v1/client-accounts/{id}/service-record', byId(clientAccountId)));
}

export function getCredits(clientAccountId: string) {
  return unwrap(api.GET('/api/v1/client-accounts/{id}/credits', byId(clientAccountId)));
}

export function getAnalytics(query: { from?: string; to?: string } = {}) {
  return unwrap(api.GET('/api/v1/disclosure-analytics', { params: { query } }));
}

export function listLessons(query: LessonFilter = {}) {
  return unwrap(api.GET('/api/v1/lessons', { params: { query } }));
}
