import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { sqlList, scopeWhere } from '@candor/db';
import { UNDISCLOSED_STATUSES, type Scope } from '@candor/domain';
import type { FollowUpListItemResponse } from './dto/list-follow-ups.dto';

/** The queries of follow-ups; reads of one disclosure's follow-ups in scope are DisclosuresRepository.followUps. */
@Injectable()
export class FollowUpsRepository {
  /** Follow-ups in `scope` by status; a client's scope holds only its check-ins of disclosed errors, never retrospectives or drafts. */
  list(manager: EntityManager, scope: Scope, filter: { status: string; kind: string | null }): Promise<FollowUpListItemResponse[]> {
    const params: unknown[] = [scope.tenantId, filter.status, filter.kind];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params);
    const clientView =
      scope.kind === 'client_account' ? `AND f.kind = 'client_check_in' AND d.status NOT IN (${sqlList(UNDISCLOSED_STATUSES)})` : '';
    return manager.query(
      `SELECT f.id, f.kind, f.status, f.due_at AS "dueAt", d.id AS "disclosureId", d.category, d.engagement_id AS "engagementId",
              e.name AS "engagementName", c.name AS "clientName"
       FROM follow_ups f
       JOIN disclosures d ON d.tenant_id = f.tenant_id AND d.id = f.disclosure_id
       JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
       WHERE f.tenant_id = $1 AND f.status = $2 AND ($3::text IS NULL OR f.kind = $3) AND ${inScope} ${clientView}
       ORDER BY f.due_at, f.id LIMIT 200`,
      params,
    );
  }

  /** A resolved disclosure gets a client check-in and a team retrospective, due after the given days. */
  async insertAfterResolution(
    manager: EntityManager,
    tenantId: string,
    disclosureId: string,
    checkInDays: number,
    retrospectiveDays: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO follow_ups (tenant_id, id, disclosure_id, kind, due_at) VALUES
         ($1, $2, $4, 'client_check_in', now() + make_interval(days => $5)),
         ($1, $3, $4, 'team_retrospective', now() + make_interval(days => $6))`,
      [tenantId, randomUUID(), randomUUID(), disclosureId, checkInDays, retrospectiveDays],
    );
  }

  pendingOf(manager: EntityManager, tenantId: string, disclosureId: string): Promise<{ kind: string; dueAt: Date }[]> {
    return manager.query(
      `SELECT kind, due_at AS "dueAt" FROM follow_ups WHERE tenant_id = $1 AND disclosure_id = $2 AND status = 'pending' ORDER BY due_at`,
      [tenantId, disclosureId],
    );
  }

  /** A follow-up is done with its outcome, or skipped with the reason why. */
  async finish(
    manager: EntityManager,
    tenantId: string,
    id: string,
    userId: string,
    how: { status: 'done'; outcome: string } | { status: 'skipped'; reason: string },
  ): Promise<void> {
    const [column, text] = how.status === 'done' ? ['outcome', how.outcome] : ['skip_reason', how.reason];
    await manager.query(
      `UPDATE follow_ups SET status = $3, ${column} = $4, completed_by = $5, completed_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, how.status, text, userId],
    );
  }

  async lockCheckIn(manager: EntityManager, tenantId: string, disclosureId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM follow_ups WHERE tenant_id = $1 AND disclosure_id = $2 AND kind = 'client_check_in' FOR UPDATE`, [
      tenantId,
      disclosureId,
    ]);
  }

  async answerCheckIn(
    manager: EntityManager,
    tenantId: string,
    id: string,
    answer: { resolved: boolean; rating: number; comment: string; userId: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE follow_ups SET status = 'done', client_resolved = $3, rating = $4, outcome = $5, completed_by = $6, completed_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, answer.resolved, answer.rating, answer.comment, answer.userId],
    );
  }
}
