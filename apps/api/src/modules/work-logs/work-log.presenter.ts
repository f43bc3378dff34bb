import { amountFor, hoursFor, type Actor } from '@candor/domain';
import { audienceOf, type Audience } from '../../common/client-view';
import type { WorkLogRevision } from '@candor/db';
import type { CommentResponse, RevisionResponse, WorkLogResponse } from './dto/work-log.response';
import type { CommentRow, WorkLogRow } from './work-logs.repository';

/** Seconds an entry counts for: a running timer counts nothing until it stops. */
export const countedSeconds = (row: Pick<WorkLogRow, 'durationSeconds'>): number => row.durationSeconds ?? 0;

/**
 * Shapes an entry for its audience. Time spent fixing our own error names no assistant to a client:
 * the client sees the team's fix, never who made the mistake.
 */
export function presentWorkLog(audience: Audience | Actor, row: WorkLogRow): WorkLogResponse {
  const client = (typeof audience === 'string' ? audience : audienceOf(audience)) === 'client';
  const hideAssistant = client && row.disclosureId !== null;
  const seconds = countedSeconds(row);
  return {
    id: row.id,
    engagementId: row.engagementId,
    engagementName: row.engagementName,
    assistant: hideAssistant ? null : { id: row.assistantId, displayName: row.assistantName },
    source: row.source,
    status: row.status,
    running: row.source !== 'adjustment' && row.endedAt === null,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    durationSeconds: row.durationSeconds,
    hours: hoursFor(seconds),
    notes: row.notes,
    billable: row.billable,
    hourlyRate: row.hourlyRate,
    currency: row.currency,
    amount: row.billable ? amountFor(seconds, row.hourlyRate) : '0.00',
    fixedAtNoCharge: row.disclosureId !== null && !row.billable,
    // The week is one person's: naming it would name who fixed the error.
    weekId: hideAssistant ? null : row.weekId,
    adjustsId: row.adjustsId,
    disclosureId: row.disclosureId,
    autoStoppedAt: row.autoStoppedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One kept change of a submitted entry: who, why, before and after. Staff and client users see the same. */
export const presentRevision = (r: WorkLogRevision & { changedByName: string }): RevisionResponse => ({
  id: r.id,
  changedBy: { id: r.changedBy, displayName: r.changedByName },
  reason: r.reason,
  before: r.before,
  after: r.after,
  createdAt: r.createdAt,
});

export const presentComment = ({ authorId, authorName, ...c }: CommentRow): CommentResponse => ({
  ...c,
  author: { id: authorId, displayName: authorName },
});
