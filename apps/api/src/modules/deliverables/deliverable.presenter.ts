import { OPEN_DELIVERABLE_STATUSES, isClientRole, roundsSummary, type Actor } from '@candor/domain';
import { STAFF_VIEW, clientViewOf, shownStaff, type ClientView, type TenantFacts } from '../../common/client-view';
import type { ShownPersonResponse } from '../disclosures/dto/disclosure.response';
import type {
  DeliverableClientResponse,
  DeliverableStaffResponse,
  DeliverableVersionResponse,
  RevisionRequestResponse,
} from './dto/deliverable.response';
import type { DeliverableRow, FileRow, RevisionRequestRow, VersionRow } from './deliverables.repository';

export interface DeliverableDetail {
  versions: VersionRow[];
  files: FileRow[];
  requests: RevisionRequestRow[];
}

export const downloadPath = (deliverableId: string, fileId: string) => `/api/v1/deliverables/${deliverableId}/files/${fileId}`;

/** The client's view, field by field: the team member behind the work is the team unless the tenant says otherwise. */
export function presentForClient(row: DeliverableRow, view: ClientView, detail?: DeliverableDetail): DeliverableClientResponse {
  const staff = (id: string, name: string): ShownPersonResponse => shownStaff(view, id, name);
  const response: DeliverableClientResponse = {
    id: row.id,
    engagementId: row.engagementId,
    engagementName: row.engagementName,
    clientAccountId: row.clientAccountId,
    clientName: row.clientName,
    title: row.title,
    description: row.description,
    status: row.status,
    dueAt: row.dueAt,
    late: row.lateAt !== null && OPEN_DELIVERABLE_STATUSES.includes(row.status),
    assignee: row.assigneeId ? staff(row.assigneeId, row.assigneeName ?? '') : null,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy ? { id: row.approvedBy, displayName: row.approvedByName ?? '' } : null,
    rounds: roundsSummary(row.includedRounds, row.roundsUsed),
    versionCount: row.versionCount,
    createdAt: row.createdAt,
  };
  if (!detail) return response;
  return { ...response, ...presentDetail(row.id, detail, (v) => staff(v.createdBy, v.createdByName)) };
}

/** The response for the caller's audience: the client's view for a client user, the team's otherwise. */
export function presentDeliverable(
  actor: Actor,
  facts: TenantFacts,
  row: DeliverableRow,
  detail?: DeliverableDetail,
): DeliverableClientResponse | DeliverableStaffResponse {
  return isClientRole(actor.role) ? presentForClient(row, clientViewOf(facts), detail) : presentForStaff(row, detail);
}

export function presentForStaff(row: DeliverableRow, detail?: DeliverableDetail): DeliverableStaffResponse {
  const response: DeliverableStaffResponse = {
    ...presentForClient(row, STAFF_VIEW),
    lateAt: row.lateAt,
    dueRemindedAt: row.dueRemindedAt,
    lateNotifiedAt: row.lateNotifiedAt,
  };
  if (!detail) return response;
  return { ...response, ...presentDetail(row.id, detail, (v) => ({ id: v.createdBy, displayName: v.createdByName })) };
}

function presentDetail(
  deliverableId: string,
  detail: DeliverableDetail,
  deliveredBy: (v: VersionRow) => ShownPersonResponse,
): { versions: DeliverableVersionResponse[]; revisionRequests: RevisionRequestResponse[] } {
  return {
    versions: detail.versions.map((v) => ({
      id: v.id,
      number: v.number,
      kind: v.kind,
      changeSummary: v.changeSummary,
      revisionRequestId: v.revisionRequestId,
      disclosureId: v.disclosureId,
      deliveredBy: deliveredBy(v),
      createdAt: v.createdAt,
      files: detail.files
        .filter((f) => f.versionId === v.id)
        .map((f) => ({
          id: f.id,
          originalName: f.originalName,
          contentType: f.contentType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          downloadPath: downloadPath(deliverableId, f.id),
        })),
    })),
    // Requests come from client users, so the name shown is always the client's own person.
    revisionRequests: detail.requests.map((r) => ({
      id: r.id,
      deliverableId: r.deliverableId,
      versionId: r.versionId,
      versionNumber: r.versionNumber,
      comment: r.comment,
      requestedBy: { id: r.requestedBy, displayName: r.requestedByName },
      countsAsRound: r.countsAsRound,
      roundNumber: r.roundNumber,
      billable: r.billable,
      status: r.status,
      acceptedAt: r.acceptedAt,
      declinedAt: r.declinedAt,
      declineReason: r.declineReason,
      fulfilledAt: r.fulfilledAt,
      createdAt: r.createdAt,
    })),
  };
}
