/** Deliverables with their versions and revision requests. Types come from the generated schema. */
import { api, byId, unwrap, unwrapVoid } from '../../lib/api/client';
import type { components, paths } from '../../lib/api/schema';

type Schemas = components['schemas'];

export type StaffDeliverable = Schemas['DeliverableStaffResponse'];
export type ClientDeliverable = Schemas['DeliverableClientResponse'];
export type Deliverable = StaffDeliverable | ClientDeliverable;
export type DeliverableStatus = Deliverable['status'];
export type DeliverableVersion = Schemas['DeliverableVersionResponse'];
export type DeliverableFile = Schemas['DeliverableFileResponse'];
export type RevisionRequest = Schemas['RevisionRequestResponse'];
export type Rounds = Schemas['RoundsResponse'];
export type DeliverableInput = Schemas['CreateDeliverableDto'];
export type DeliverablePatch = Schemas['UpdateDeliverableDto'];
export type DeliverableFilter = NonNullable<paths['/api/v1/deliverables']['get']['parameters']['query']>;

export function listDeliverables(query: DeliverableFilter = {}) {
  return unwrap(api.GET('/api/v1/deliverables', { params: { query } }));
}

export function getDeliverable(id: string) {
  return unwrap(api.GET('/api/v1/deliverables/{id}', byId(id)));
}

export function createDeliverable(input: DeliverableInput) {
  return unwrap(api.POST('/api/v1/deliverables', { body: input }));
}

export function updateDeliverable(id: string, patch: DeliverablePatch) {
  return unwrap(api.PATCH('/api/v1/deliverables/{id}', { ...byId(id), body: patch }));
}

export interface VersionInput {
  changeSummary: string;
  /** A correction of this disclosed error (never counts as a round). */
  disclosureId?: string;
  files: readonly File[];
}

/** Delivers a version as multipart/form-data: the browser names each file and sets the boundary. */
export function deliverVersion(id: string, input: VersionInput) {
  const form = new FormData();
  form.append('changeSummary', input.changeSummary);
  if (input.disclosureId) form.append('disclosureId', input.disclosureId);
  for (const file of input.files) form.append('files', file, file.name);
  return unwrap(
    api.POST('/api/v1/deliverables/{id}/versions', {
      ...byId(id),
      body: { changeSummary: input.changeSummary, files: [] },
      bodySerializer: () => form,
    }),
  );
}

/** A delivered file; it needs the bearer token, so it is fetched and handed to the browser as a blob. */
export function downloadDeliverableFile(id: string, fileId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/deliverables/{id}/files/{fileId}', { params: { path: { id, fileId } }, parseAs: 'blob' }));
}

export function approveDeliverable(id: string) {
  return unwrap(api.POST('/api/v1/deliverables/{id}/approve', byId(id)));
}

export function requestDeliverableChanges(id: string, comment: string) {
  return unwrap(api.POST('/api/v1/deliverables/{id}/request-changes', { ...byId(id), body: { comment } }));
}

export function acceptRevisionRequest(id: string) {
  return unwrapVoid(api.POST('/api/v1/revision-requests/{id}/accept', byId(id)));
}

export function declineRevisionRequest(id: string, reason: string) {
  return unwrapVoid(api.POST('/api/v1/revision-requests/{id}/decline', { ...byId(id), body: { reason } }));
}
