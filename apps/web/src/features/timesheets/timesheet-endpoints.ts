/** An engagement's timesheet, its downloads and its read-only share links. Types come from the generated schema. */
import { api, byId, unwrap } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type Timesheet = Schemas['TimesheetResponse'];
export type TimesheetPeriod = paths['/api/v1/engagements/{id}/timesheet']['get']['parameters']['query'];

export function getTimesheet(id: string, period: TimesheetPeriod) {
  return unwrap(api.GET('/api/v1/engagements/{id}/timesheet', { params: { path: { id }, query: period } }));
}

/**
 * The CSV or printable report of a timesheet. These need the bearer token, so they are fetched and
 * handed to the browser as a file rather than linked directly.
 */
export async function downloadTimesheet(id: string, period: TimesheetPeriod, format: 'csv' | 'report'): Promise<Blob> {
  const options = { params: { path: { id }, query: period }, parseAs: 'blob' as const };
  const call =
    format === 'csv'
      ? api.GET('/api/v1/engagements/{id}/timesheet/csv', options)
      : api.GET('/api/v1/engagements/{id}/timesheet/report', options);
  return unwrap(call);
}

export type ShareLink = Schemas['ShareLinkResponse'];
export type ShareLinkInput = Schemas['CreateShareLinkDto'];

export function listShareLinks(id: string) {
  return unwrap(api.GET('/api/v1/engagements/{id}/share-links', byId(id)));
}

export function createShareLink(id: string, input: ShareLinkInput) {
  return unwrap(api.POST('/api/v1/engagements/{id}/share-links', { ...byId(id), body: input }));
}

export function revokeShareLink(id: string) {
  return unwrap(api.POST('/api/v1/share-links/{id}/revoke', byId(id)));
}
