/** Time entries, their trail and disputes, corrections after approval, and the running timer. Types come from the generated schema. */
import { api, byId, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type WorkLog = Schemas['WorkLogResponse'];
export type WorkLogStatus = WorkLog['status'];
export type Revision = Schemas['RevisionResponse'];
export type WorkLogComment = Schemas['CommentResponse'];
export type WorkLogInput = Schemas['CreateWorkLogDto'];
export type WorkLogPatch = Schemas['UpdateWorkLogDto'];
export type StartTimerInput = Schemas['StartTimerDto'];
export type WorkLogFilter = NonNullable<paths['/api/v1/work-logs']['get']['parameters']['query']>;

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

export type AdjustmentInput = Schemas['CreateAdjustmentDto'];

export function addAdjustment(id: string, input: AdjustmentInput) {
  return unwrap(api.POST('/api/v1/work-logs/{id}/adjustments', { ...byId(id), body: input }));
}
