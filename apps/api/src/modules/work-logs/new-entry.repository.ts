import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditEventSql, prepared, SqlParams, type AuditEntry } from '@candor/db';
import type { DisclosureStatus, EngagementStatus } from '@candor/domain';
import { COLUMNS, fromEntries, overlappingSql, rateAtSql, weekStartSql } from './work-log.sql';
import type { NewWorkLog, WorkLogRow } from './work-logs.repository';

/** What logging new time checks, read in one statement (see `NewEntryRepository.facts`). */
export interface NewEntryFacts {
  /** null when the engagement is unknown or outside the caller's scope. */
  engagement: {
    id: string;
    clientAccountId: string;
    status: EngagementStatus;
    hasRetainer: boolean;
  } | null;
  /** The Monday of the entry's week in the tenant's time zone. */
  weekStart: string;
  /** The rate on the entry's day (null only for an engagement not found). */
  hourlyRate: string | null;
  /** The disclosure the time fixes, when one was named and exists. */
  fixes: { engagementId: string; status: DisclosureStatus } | null;
}

/** What the insert answers: the new entry, or why it was refused (both read after the assistant's lock). */
export interface NewEntryOutcome {
  created: WorkLogRow | null;
  weekStatus: string | null;
  overlapping: Pick<WorkLogRow, 'id' | 'source' | 'startedAt' | 'endedAt' | 'engagementName'> | null;
}

interface FactsRow {
  engagementId: string | null;
  clientAccountId: string;
  status: EngagementStatus;
  hasRetainer: boolean;
  weekStart: string;
  hourlyRate: string | null;
  fixEngagementId: string | null;
  fixStatus: DisclosureStatus | null;
}

/**
 * The statements of a new hand-written entry: two, where it used to take ten. `facts` takes the
 * assistant's lock and reads everything the checks need; `insert` writes the entry and its audit row
 * only if, once the lock is held, its week is not approved and no other entry of the assistant
 * overlaps it, and answers the new row as WorkLogRow (or what refused it).
 */
@Injectable()
export class NewEntryRepository {
  /**
   * Takes the lock that serialises one assistant's time (see WorkLogsRepository.lockAssistant) and reads
   * the engagement within `inScope` (a condition on `e`, bound through `params`), the entry's week,
   * the rate, and the disclosure fix time names. Nothing here depends on the lock: what does is read by `insert`.
   */
  async facts(
    manager: EntityManager,
    params: SqlParams,
    q: { tenantId: string; assistantId: string; engagementId: string; startedAt: Date; disclosureId: string | null; inScope: string },
  ): Promise<NewEntryFacts> {
    const { bind } = params;
    const tenant = bind(q.tenantId);
    const engagement = bind(q.engagementId);
    const at = bind(q.startedAt);
    const [row]: FactsRow[] = await manager.query(
      prepared(`SELECT pg_advisory_xact_lock(hashtextextended(${bind(`work-logs:${q.tenantId}:${q.assistantId}`)}, 0)) AS locked,
              ${weekStartSql(at, 't.time_zone')} AS "weekStart",
              e.id AS "engagementId", e.client_account_id AS "clientAccountId", e.status,
              e.retainer_hours_per_month IS NOT NULL AS "hasRetainer",
              (${rateAtSql(tenant, 'e.id', at)}) AS "hourlyRate",
              fd.engagement_id AS "fixEngagementId", fd.status AS "fixStatus"
       FROM tenants t
       LEFT JOIN engagements e ON e.tenant_id = t.id AND e.id = ${engagement} AND ${q.inScope}
       LEFT JOIN disclosures fd ON fd.tenant_id = t.id AND fd.id = ${bind(q.disclosureId)}::uuid
       WHERE t.id = ${tenant}`),
      params.values,
    );
    return {
      engagement: row.engagementId
        ? { id: row.engagementId, clientAccountId: row.clientAccountId, status: row.status, hasRetainer: row.hasRetainer }
        : null,
      weekStart: row.weekStart,
      hourlyRate: row.hourlyRate,
      fixes: row.fixEngagementId && row.fixStatus ? { engagementId: row.fixEngagementId, status: row.fixStatus } : null,
    };
  }

  /**
   * Inserts `entry` (a finished one: `endedAt` set) and `audit` in one statement, unless its week
   * (`weekStart`) is approved or another entry of the assistant overlaps it. Runs after `facts`, so the
   * week and the overlap are read with the assistant's lock held.
   */
  async insert(
    manager: EntityManager,
    entry: NewWorkLog & { assistantId: string; startedAt: Date; endedAt: Date },
    weekStart: string,
    audit: Omit<AuditEntry, 'entityId'>,
  ): Promise<NewEntryOutcome> {
    const { bind, values } = new SqlParams();
    const tenant = bind(entry.tenantId);
    const assistant = bind(entry.assistantId);
    const start = bind(entry.startedAt);
    const end = bind(entry.endedAt);
    const v = (value: unknown) => bind(value ?? null);
    const [row]: (WorkLogRow & { weekStatus: string | null; clash: Record<string, string> | null })[] = await manager.query(
      prepared(`WITH week AS (
         SELECT status FROM timesheet_weeks
         WHERE tenant_id = ${tenant} AND engagement_id = ${bind(entry.engagementId)} AND assistant_id = ${assistant} AND week_start = ${bind(weekStart)}::date),
       clash AS (${overlappingSql({ tenantId: tenant, assistantId: assistant, start, end, excludeId: 'NULL' })}),
       entry AS (
         INSERT INTO work_logs (tenant_id, id, engagement_id, client_account_id, assistant_id, source, status, started_at, ended_at,
                                duration_seconds, notes, billable, hourly_rate, disclosure_id)
         SELECT ${tenant}::uuid, ${v(entry.id)}::uuid, ${v(entry.engagementId)}::uuid, ${v(entry.clientAccountId)}::uuid, ${assistant}::uuid,
                ${v(entry.source)}, ${v(entry.status)}, ${start}::timestamptz, ${end}::timestamptz, ${v(entry.durationSeconds)}::int,
                ${v(entry.notes)}, ${v(entry.billable)}::boolean, ${v(entry.hourlyRate)}::numeric, ${v(entry.disclosureId)}::uuid
         WHERE NOT EXISTS (SELECT 1 FROM week WHERE status = 'approved') AND NOT EXISTS (SELECT 1 FROM clash)
         RETURNING *),
       audited AS (${auditEventSql(bind, audit, 'entry.id', 'entry')})
       SELECT (SELECT status FROM week) AS "weekStatus",
              (SELECT json_build_object('id', c.id, 'source', c.source, 'startedAt', c."startedAt", 'endedAt', c."endedAt",
                                        'engagementName', c."engagementName") FROM clash c) AS clash,
              created.*
       FROM (SELECT 1) one LEFT JOIN (SELECT ${COLUMNS} FROM ${fromEntries('entry')}) created ON TRUE`),
      values,
    );
    const { weekStatus, clash, ...created } = row;
    return {
      created: created.id ? created : null,
      weekStatus,
      overlapping: clash
        ? {
            id: clash['id'],
            source: clash['source'] as WorkLogRow['source'],
            startedAt: new Date(clash['startedAt']),
            endedAt: clash['endedAt'] ? new Date(clash['endedAt']) : null,
            engagementName: clash['engagementName'],
          }
        : null,
    };
  }
}
