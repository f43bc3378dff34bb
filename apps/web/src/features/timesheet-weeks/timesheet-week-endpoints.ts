/** Timesheet weeks: submitted by the team, approved or disputed by the client. Types come from the generated schema. */
import { api, byId, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Week = Schemas['WeekResponse'];
export type WeekStatus = Week['status'];
export type DisputedEntry = Schemas['DisputedEntryDto'];
export type WeekFilter = NonNullable<paths['/api/v1/timesheet-weeks']['get']['parameters']['query']>;

export function listWeeks(query: WeekFilter = {}) {
  return unwrap(api.GET('/api/v1/timesheet-weeks', { params: { query } }));
}

export function getWeek(id: string) {
  return unwrap(api.GET('/api/v1/timesheet-weeks/{id}', byId(id)));
}

export function submitWeek(engagementId: string, weekStart: string) {
  return unwrap(api.POST('/api/v1/timesheet-weeks', { body: { engagementId, weekStart } }));
}

export function approveWeek(id: string) {
  return unwrap(api.POST('/api/v1/timesheet-weeks/{id}/approve', byId(id)));
}

export function disputeWeek(id: string, entries: DisputedEntry[]) {
  return unwrap(api.POST('/api/v1/timesheet-weeks/{id}/dispute', { ...byId(id), body: { entries } }));
}
