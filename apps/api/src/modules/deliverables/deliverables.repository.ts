import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DeliverableStatus, DisclosureStatus, RevisionRequestStatus, Scope, VersionKind } from '@candor/domain';
import { scopeWhere } from '@candor/db';

export interface DeliverableRow {
  id: string;
  engagementId: string;
  engagementName: string;
  clientAccountId: string;
  clientName: string;
  title: string;
  description: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date | null;
  status: DeliverableStatus;
  approvedBy: string | null;
  approvedByName: string | null;
  approvedAt: Date | null;
  lateAt: Date | null;
  dueRemindedAt: Date | null;
  lateNotifiedAt: Date | null;
  createdAt: Date;
  includedRounds: number;
  roundsUsed: number;
  versionCount: number;
}

export interface VersionRow {
  id: string;
  deliverableId: string;
  number: number;
  kind: VersionKind;
  changeSummary: string;
  revisionRequestId: string | null;
  disclosureId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

export interface FileRow {
  id: string;
  versionId: string;
  originalName: string;
  storedName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'local' | 's3';
}

export interface RevisionRequestRow {
  id: string;
  deliverableId: string;
  engagementId: string;
  clientAccountId: string;
  versionId: string;
  versionNumber: number;
  requestedBy: string;
  requestedByName: string;
  comment: string;
  countsAsRound: boolean;
  roundNumber: number | null;
  billable: boolean;
  status: RevisionRequestStatus;
  acceptedAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  fulfilledAt: Date | null;
  createdAt: Date;
}

export interface NewDeliverable {
  tenantId: string;
  id: string;
  engagementId: string;
  clientAccountId: string;
  title: string;
  description: string;
  assigneeId: string | null;
  dueAt: string | null;
  createdBy: string;
}

export interface DeliverablePatch {
  title?: string;
  description?: string;
  assigneeId?: string | null;
  dueAt?: string | null;
}

export interface DeliverableFilter {
  id?: string;
  engagementId?: string;
  status?: DeliverableStatus;
  limit?: number;
}

/** Rounds used on an engagement: client requests that count and were not declined. */
const ROUNDS_USED = (tenant: string, engagement: string) => `(SELECT count(*)::int FROM revision_requests r
  JOIN deliverables rd ON rd.tenant_id = r.tenant_id AND rd.id = r.deliverable_id
  WHERE r.tenant_id = ${tenant} AND rd.engagement_id = ${engagement} AND r.counts_as_round AND r.status <> 'declined')`;

/** The queries of deliverables, versions, files and revision requests; each takes the tenant-scoped manager and the tenant. */
@Injectable()
export class DeliverablesRepository {
  /** Deliverables in `scope`. */
  find(manager: EntityManager, scope: Scope, f: DeliverableFilter): Promise<DeliverableRow[]> {
    const params: unknown[] = [scope.tenantId];
    const where = [
      'd.tenant_id = $1',
      scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params),
    ];
    const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    if (f.id) add((p) => `d.id = ${p}`, f.id);
    if (f.engagementId) add((p) => `d.engagement_id = ${p}`, f.engagementId);
    if (f.status) add((p) => `d.status = ${p}`, f.status);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- written into SQL: a number whatever the caller passed
    const limit = f.limit ? `LIMIT ${Number(f.limit)}` : '';
    return manager.query(
      `SELECT d.id, d.engagement_id AS "engagementId", e.name AS "engagementName", d.client_account_id AS "clientAccountId", c.name AS "clientName",
              d.title, d.description, d.assignee_id AS "assigneeId", au.display_name AS "assigneeName", d.due_at AS "dueAt", d.status,
              d.approved_by AS "approvedBy", ap.display_name AS "approvedByName", d.approved_at AS "approvedAt", d.late_at AS "lateAt",
              d.due_reminded_at AS "dueRemindedAt", d.late_notified_at AS "lateNotifiedAt", d.created_at AS "createdAt",
              e.included_revision_rounds AS "includedRounds", ${ROUNDS_USED('d.tenant_id', 'd.engagement_id')} AS "roundsUsed",
              (SELECT count(*)::int FROM deliverable_versions v WHERE v.tenant_id = d.tenant_id AND v.deliverable_id = d.id) AS "versionCount"
       FROM deliverables d
       JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
       LEFT JOIN users au ON au.id = d.assignee_id
       LEFT JOIN users ap ON ap.id = d.approved_by
       WHERE ${where.join(' AND ')}
       ORDER BY d.due_at ASC NULLS LAST, d.created_at DESC, d.id ${limit}`,
      params,
    );
  }

  async insert(manager: EntityManager, d: NewDeliverable): Promise<void> {
    await manager.query(
      `INSERT INTO deliverables (tenant_id, id, engagement_id, client_account_id, title, description, assignee_id, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [d.tenantId, d.id, d.engagementId, d.clientAccountId, d.title, d.description, d.assigneeId, d.dueAt, d.createdBy],
    );
  }

  /** Changes the fields given (undefined: unchanged). A new due date is a new promise: its reminder and late notice may go out again. */
  async update(manager: EntityManager, tenantId: string, id: string, patch: DeliverablePatch): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [tenantId, id];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (patch.title !== undefined) set('title', patch.title);
    if (patch.description !== undefined) set('description', patch.description);
    if (patch.assigneeId !== undefined) set('assignee_id', patch.assigneeId);
    if (patch.dueAt !== undefined) {
      set('due_at', patch.dueAt);
      sets.push('due_reminded_at = NULL', 'late_at = NULL', 'late_notified_at = NULL');
    }
    if (!sets.length) return;
    await manager.query(`UPDATE deliverables SET ${sets.join(', ')}, updated_at = now() WHERE tenant_id = $1 AND id = $2`, params);
  }

  async setStatus(manager: EntityManager, tenantId: string, id: string, status: DeliverableStatus): Promise<void> {
    await manager.query(`UPDATE deliverables SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id, status]);
  }

  /** A new version waits for the client's review; an earlier approval no longer stands. */
  async markDelivered(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(
      `UPDATE deliverables SET status = 'submitted', approved_by = NULL, approved_at = NULL, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
  }

  async approve(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE deliverables SET status = 'approved', approved_by = $3, approved_at = now(), updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId],
    );
  }

  async insertVersion(manager: EntityManager, v: Omit<VersionRow, 'createdByName' | 'createdAt'> & { tenantId: string }): Promise<void> {
    await manager.query(
      `INSERT INTO deliverable_versions (tenant_id, id, deliverable_id, number, change_summary, kind, revision_request_id, disclosure_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [v.tenantId, v.id, v.deliverableId, v.number, v.changeSummary, v.kind, v.revisionRequestId, v.disclosureId, v.createdBy],
    );
  }

  async insertFile(
    manager: EntityManager,
    tenantId: string,
    versionId: string,
    f: { name: string; storedName: string; contentType: string; sizeBytes: number; sha256: string; storage: FileRow['storage'] },
  ): Promise<void> {
    await manager.query(
      // clock_timestamp(): the files keep the order they were sent in.
      `INSERT INTO deliverable_files (tenant_id, id, version_id, original_name, stored_name, content_type, size_bytes, sha256, storage, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp())`,
      [tenantId, randomUUID(), versionId, f.name, f.storedName, f.contentType, f.sizeBytes, f.sha256, f.storage],
    );
  }

  /** The disclosure a correction links to. */
  async disclosure(
    manager: EntityManager,
    tenantId: string,
    id: string,
  ): Promise<{ engagementId: string; status: DisclosureStatus; deliverableId: string | null } | undefined> {
    const [row]: { engagementId: string; status: DisclosureStatus; deliverableId: string | null }[] = await manager.query(
      `SELECT engagement_id AS "engagementId", status, deliverable_id AS "deliverableId" FROM disclosures WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return row;
  }

  /** A correction names the deliverable of a disclosure that named none. */
  async linkDisclosure(manager: EntityManager, tenantId: string, disclosureId: string, deliverableId: string): Promise<void> {
    await manager.query(`UPDATE disclosures SET deliverable_id = $3 WHERE tenant_id = $1 AND id = $2 AND deliverable_id IS NULL`, [
      tenantId,
      disclosureId,
      deliverableId,
    ]);
  }

  async insertRevisionRequest(
    manager: EntityManager,
    r: Pick<RevisionRequestRow, 'id' | 'deliverableId' | 'versionId' | 'requestedBy' | 'comment' | 'billable' | 'status'> & {
      tenantId: string;
      roundNumber: number;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO revision_requests (tenant_id, id, deliverable_id, version_id, requested_by, comment, counts_as_round, round_number, billable, status)
       VALUES ($1, $2, $3, $4, $5, $6, true, $7, $8, $9)`,
      [r.tenantId, r.id, r.deliverableId, r.versionId, r.requestedBy, r.comment, r.roundNumber, r.billable, r.status],
    );
  }

  /** A version answers the request; a correction also gives its round back. */
  async fulfilRequest(manager: EntityManager, tenantId: string, id: string, releaseRound: boolean): Promise<void> {
    const release = releaseRound ? ', counts_as_round = false, round_number = NULL, billable = false' : '';
    await manager.query(
      `UPDATE revision_requests SET status = 'fulfilled', fulfilled_at = now()${release} WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
  }

  async acceptRequest(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE revision_requests SET status = 'open', accepted_by = $3, accepted_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId],
    );
  }

  async declineRequest(manager: EntityManager, tenantId: string, id: string, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE revision_requests SET status = 'declined', declined_by = $3, declined_at = now(), decline_reason = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId, reason],
    );
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM deliverables WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  /** Locks the engagement so two revision requests cannot take the same round. */
  async roundsUsedLocked(manager: EntityManager, tenantId: string, engagementId: string): Promise<{ included: number; used: number }> {
    const [row]: { included: number }[] = await manager.query(
      `SELECT included_revision_rounds AS included FROM engagements WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, engagementId],
    );
    const [used]: { n: number }[] = await manager.query(`SELECT ${ROUNDS_USED('$1', '$2')} AS n`, [tenantId, engagementId]);
    return { included: row.included, used: used.n };
  }

  versions(manager: EntityManager, tenantId: string, deliverableId: string): Promise<VersionRow[]> {
    return manager.query(
      `SELECT v.id, v.deliverable_id AS "deliverableId", v.number, v.kind, v.change_summary AS "changeSummary",
              v.revision_request_id AS "revisionRequestId", v.disclosure_id AS "disclosureId", v.created_by AS "createdBy",
              u.display_name AS "createdByName", v.created_at AS "createdAt"
       FROM deliverable_versions v JOIN users u ON u.id = v.created_by
       WHERE v.tenant_id = $1 AND v.deliverable_id = $2 ORDER BY v.number`,
      [tenantId, deliverableId],
    );
  }

  /** Files of deliverables in `scope`. */
  files(manager: EntityManager, scope: Scope, filter: { versionIds?: string[]; deliverableId?: string; id?: string }): Promise<FileRow[]> {
    const params: unknown[] = [scope.tenantId, filter.versionIds ?? null, filter.deliverableId ?? null, filter.id ?? null];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params);
    return manager.query(
      `SELECT f.id, f.version_id AS "versionId", f.original_name AS "originalName", f.stored_name AS "storedName",
              f.content_type AS "contentType", f.size_bytes::float8 AS "sizeBytes", f.sha256, f.storage
       FROM deliverable_files f JOIN deliverable_versions v ON v.tenant_id = f.tenant_id AND v.id = f.version_id
       JOIN deliverables d ON d.tenant_id = v.tenant_id AND d.id = v.deliverable_id
       WHERE f.tenant_id = $1 AND ($2::uuid[] IS NULL OR f.version_id = ANY($2::uuid[]))
         AND ($3::uuid IS NULL OR v.deliverable_id = $3) AND ($4::uuid IS NULL OR f.id = $4) AND ${inScope}
       ORDER BY v.number, f.created_at, f.id`,
      params,
    );
  }

  /** Revision requests of deliverables in `scope`. */
  revisionRequests(manager: EntityManager, scope: Scope, filter: { deliverableId?: string; id?: string }): Promise<RevisionRequestRow[]> {
    const params: unknown[] = [scope.tenantId, filter.deliverableId ?? null, filter.id ?? null];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params);
    return manager.query(
      `SELECT r.id, r.deliverable_id AS "deliverableId", d.engagement_id AS "engagementId", d.client_account_id AS "clientAccountId",
              r.version_id AS "versionId", v.number AS "versionNumber", r.requested_by AS "requestedBy", u.display_name AS "requestedByName",
              r.comment, r.counts_as_round AS "countsAsRound", r.round_number AS "roundNumber", r.billable, r.status,
              r.accepted_at AS "acceptedAt", r.declined_at AS "declinedAt", r.decline_reason AS "declineReason",
              r.fulfilled_at AS "fulfilledAt", r.created_at AS "createdAt"
       FROM revision_requests r
       JOIN deliverables d ON d.tenant_id = r.tenant_id AND d.id = r.deliverable_id
       JOIN deliverable_versions v ON v.tenant_id = r.tenant_id AND v.id = r.version_id
       JOIN users u ON u.id = r.requested_by
       WHERE r.tenant_id = $1 AND ($2::uuid IS NULL OR r.deliverable_id = $2) AND ($3::uuid IS NULL OR r.id = $3) AND ${inScope}
       ORDER BY r.created_at, r.id`,
      params,
    );
  }
}
