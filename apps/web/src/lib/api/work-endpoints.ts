/**
 * Engagements, time entries, the timer, weeks and timesheets. Types come from the generated schema, so
 * a change in the API's OpenAPI document surfaces here as a type error.
 */
import { api, unwrap, unwrapVoid } from './client';
import type { components, paths } from './schema';

type Schemas = components['schemas'];

export type Engagement = Schemas['EngagementResponse'];
export type EngagementStatus = Engagement['status'];
export type Rate = Schemas['RateResponse'];
export type WorkLog = Schemas['WorkLogResponse'];
export type WorkLogStatus = WorkLog['status'];
export type Revision = Schemas['RevisionResponse'];
export type WorkLogComment = Schemas['CommentResponse'];
export type Week = Schemas['WeekResponse'];
export type WeekStatus = Week['status'];
export type Timesheet = Schemas['TimesheetResponse'];
export type WorkLogInput = Schemas['CreateWorkLogDto'];
export type WorkLogPatch = Schemas['UpdateWorkLogDto'];
export type StartTimerInput = Schemas['StartTimerDto'];
export type DisputedEntry = Schemas['DisputedEntryDto'];

export type EngagementFilter = NonNullable<paths['/api/v1/engagements']['get']['parameters']['query']>;
export type WorkLogFilter = NonNullable<paths['/api/v1/work-logs']['get']['parameters']['query']>;
export type WeekFilter = NonNullable<paths['/api/v1/timesheet-weeks']['get']['parameters']['query']>;
export type TimesheetPeriod = paths['/api/v1/engagements/{id}/timesheet']['get']['parameters']['query'];

const byId = (id: string) => ({ params: { path: { id } } });

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

export function listWorkLogs(query: WorkLogFilter) {
  return unwrap(api.GET('/api/v1/work-logs', { params: { query } }));
}

export function createWorkLog(input: WorkLogInput) {
  return unwrap(api.POST('/api/v1/work-logs', { body: input }));
}

export function updateWorkLog(id: string, patch: WorkLogPatch) {
  return unwrap(api.PATCH('/api/v1/work-logs/{id}', { ...byId(id), body: patch }));
}

export function deleteWorkLog(id: string) {
  return unwrapVoid(api.DELETE('/api/v1/work-logs/{id}', byId(id)));
}

export function getWorkLogTrail(id: string) {
  return unwrap(api.GET('/api/v1/work-logs/{id}/trail', byId(id)));
}

export function getWorkLogComments(id: string) {
  return unwrap(api.GET('/api/v1/work-logs/{id}/comments', byId(id)));
}

export function replyToDispute(id: string, body: string) {
  return unwrap(api.POST('/api/v1/work-logs/{id}/dispute-reply', { ...byId(id), body: { body } }));
}

export function getTimer() {
  return unwrap(api.GET('/api/v1/timer'));
}

export function startTimer(input: StartTimerInput) {
  return unwrap(api.POST('/api/v1/timer/start', { body: input }));
}

/** Stops the running timer; one that ran under a minute is discarded unless `keepShort` (the answer says `discarded`). */
export function stopTimer(keepShort = false) {
  return unwrap(api.POST('/api/v1/timer/stop', { body: { keepShort } }));
}

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

export type EngagementInput = Schemas['CreateEngagementDto'];
export type EngagementPatch = Schemas['UpdateEngagementDto'];
export type RateInput = Schemas['CreateRateDto'];
export type ShareLink = Schemas['ShareLinkResponse'];
export type ShareLinkInput = Schemas['CreateShareLinkDto'];
export type AdjustmentInput = Schemas['CreateAdjustmentDto'];

export function createEngagement(input: EngagementInput) {
  return unwrap(api.POST('/api/v1/engagements', { body: input }));
}

export function updateEngagement(id: string, patch: EngagementPatch) {
  return unwrap(api.PATCH('/api/v1/engagements/{id}', { ...byId(id), body: patch }));
}

export function addRate(id: string, input: RateInput) {
  return unwrap(api.POST('/api/v1/engagements/{id}/rates', { ...byId(id), body: input }));
}

export function listShareLinks(id: string) {
  return unwrap(api.GET('/api/v1/engagements/{id}/share-links', byId(id)));
}

export function createShareLink(id: string, input: ShareLinkInput) {
  return unwrap(api.POST('/api/v1/engagements/{id}/share-links', { ...byId(id), body: input }));
}

export function revokeShareLink(id: string) {
  return unwrap(api.POST('/api/v1/share-links/{id}/revoke', byId(id)));
}

export function addAdjustment(id: string, input: AdjustmentInput) {
  return unwrap(api.POST('/api/v1/work-logs/{id}/adjustments', { ...byId(id), body: input }));
}
