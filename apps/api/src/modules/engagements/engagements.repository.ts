import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Engagement, EngagementRate, insertLinkRows, sqlList, scopeNamed } from '@candor/db';
import { STAFF_ROLES, type Scope } from '@candor/domain';
import type { PersonResponse, RetainerResponse } from './dto/engagement.response';

export interface EngagementFilter {
  clientAccountId?: string;
  status?: string;
}

const SCOPE_COLUMNS = { engagementId: 'e.id', clientAccountId: 'e.client_account_id' };

/** Queries only: takes the tenant-scoped manager. */
@Injectable()
export class EngagementsRepository {
  list(manager: EntityManager, scope: Scope, filter: EngagementFilter): Promise<Engagement[]> {
    const inScope = scopeNamed(scope, SCOPE_COLUMNS);
    const query = manager
      .createQueryBuilder(Engagement, 'e')
      .where('e.tenant_id = :tenantId', { tenantId: scope.tenantId })
      .andWhere(inScope.sql, inScope.params)
      .orderBy("e.status = 'active'", 'DESC')
      .addOrderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(500);
    if (filter.clientAccountId) query.andWhere('e.client_account_id = :client', { client: filter.clientAccountId });
    if (filter.status) query.andWhere('e.status = :status', { status: filter.status });
    return query.getMany();
  }

  /** The engagement if it lies in `scope`; null for an unknown one and for one outside it alike. */
  findOne(manager: EntityManager, scope: Scope, id: string, lock = false): Promise<Engagement | null> {
    const inScope = scopeNamed(scope, SCOPE_COLUMNS);
    const query = manager
      .createQueryBuilder(Engagement, 'e')
      .where('e.tenant_id = :tenantId AND e.id = :id', { tenantId: scope.tenantId, id })
      .andWhere(inScope.sql, inScope.params);
    if (lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  async clientNames(manager: EntityManager, tenantId: string, ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await manager.query(
      `SELECT id, name FROM client_accounts WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async assistants(manager: EntityManager, tenantId: string, engagementIds: string[]): Promise<Map<string, PersonResponse[]>> {
    const rows: { engagementId: string; id: string; displayName: string }[] = await manager.query(
      `SELECT ea.engagement_id AS "engagementId", u.id, u.display_name AS "displayName"
       FROM engagement_assistants ea JOIN users u ON u.id = ea.user_id
       WHERE ea.tenant_id = $1 AND ea.engagement_id = ANY($2::uuid[]) ORDER BY u.display_name`,
      [tenantId, engagementIds],
    );
    const byEngagement = new Map<string, PersonResponse[]>();
    for (const { engagementId, ...person } of rows) byEngagement.set(engagementId, [...(byEngagement.get(engagementId) ?? []), person]);
    return byEngagement;
  }

  /** Staff members (assistant, manager, owner) among `userIds`; anyone else cannot be assigned. */
  async staffIds(manager: EntityManager, tenantId: string, userIds: string[]): Promise<Set<string>> {
    const rows: { userId: string }[] = await manager.query(
      `SELECT user_id AS "userId" FROM memberships
       WHERE tenant_id = $1 AND user_id = ANY($2::uuid[]) AND role IN (${sqlList(STAFF_ROLES)})`,
      [tenantId, userIds],
    );
    return new Set(rows.map((r) => r.userId));
  }

  async replaceAssistants(manager: EntityManager, tenantId: string, engagementId: string, userIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM engagement_assistants WHERE tenant_id = $1 AND engagement_id = $2`, [tenantId, engagementId]);
    await insertLinkRows(manager, 'engagement_assistants', ['tenant_id', 'engagement_id', 'user_id'], [tenantId, engagementId], userIds);
  }

  /**
   * Stops the running timers of people taken off the engagement: outside their scope now, a running
   * timer there could be neither seen nor stopped by them. Ends now, at the tenant's timer limit at most.
   */
  async stopTimersOf(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
    userIds: string[],
    limitHours: number,
  ): Promise<string[]> {
    if (!userIds.length) return [];
    // TypeORM answers an UPDATE ... RETURNING with [rows, count].
    const [rows]: [{ id: string }[], number] = await manager.query(
      `WITH running AS (
         SELECT id, started_at,
                least(greatest(date_trunc('second', now()), started_at + interval '1 second'), started_at + $4::numeric * interval '1 hour') AS stop
         FROM work_logs
         WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = ANY($3::uuid[]) AND ended_at IS NULL AND source <> 'adjustment'
       )
       UPDATE work_logs w SET ended_at = r.stop, duration_seconds = extract(epoch FROM r.stop - r.started_at)::int, auto_stopped_at = now(), updated_at = now()
       FROM running r WHERE w.tenant_id = $1 AND w.id = r.id
       RETURNING w.id`,
      [tenantId, engagementId, userIds, limitHours],
    );
    return rows.map((r) => r.id);
  }

  async insert(manager: EntityManager, values: Omit<Engagement, 'createdAt' | 'updatedAt'>): Promise<Engagement> {
    const engagement = manager.create(Engagement, values);
    await manager.insert(Engagement, engagement);
    return engagement;
  }

  async update(manager: EntityManager, tenantId: string, id: string, patch: QueryDeepPartialEntity<Engagement>): Promise<void> {
    await manager.update(Engagement, { tenantId, id }, patch);
  }

  /**
   * The first rate applies from today (tenant time zone); time logged earlier falls back to it as the earliest rate.
   * Today is read first and the row written with VALUES: Citus runs an INSERT ... SELECT from the `tenants` reference
   * table as a COPY on the workers, which row-level security refuses.
   */
  async insertFirstRate(
    manager: EntityManager,
    r: Pick<EngagementRate, 'tenantId' | 'id' | 'engagementId' | 'hourlyRate' | 'createdBy'>,
  ): Promise<void> {
    const [{ today }]: [{ today: string }] = await manager.query(
      `SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM tenants WHERE id = $1`,
      [r.tenantId],
    );
    await manager.query(
      `INSERT INTO engagement_rates (tenant_id, id, engagement_id, effective_from, hourly_rate, created_by) VALUES ($1, $2, $3, $4::date, $5, $6)`,
      [r.tenantId, r.id, r.engagementId, today, r.hourlyRate, r.createdBy],
    );
  }

  async insertRate(
    manager: EntityManager,
    r: Pick<EngagementRate, 'tenantId' | 'id' | 'engagementId' | 'effectiveFrom' | 'hourlyRate' | 'createdBy'>,
  ): Promise<void> {
    await manager.insert(EngagementRate, manager.create(EngagementRate, r));
  }

  rate(manager: EntityManager, tenantId: string, id: string): Promise<EngagementRate> {
    return manager.findOneByOrFail(EngagementRate, { tenantId, id });
  }

  rates(manager: EntityManager, tenantId: string, engagementId: string): Promise<EngagementRate[]> {
    return manager.find(EngagementRate, { where: { tenantId, engagementId }, order: { effectiveFrom: 'DESC' } });
  }

  /** The rates that apply today in the tenant's time zone, one per engagement. */
  async currentRates(manager: EntityManager, tenantId: string, engagementIds: string[]): Promise<Map<string, EngagementRate>> {
    const rows = await manager
      .createQueryBuilder(EngagementRate, 'r')
      .distinctOn(['r.engagement_id'])
      .where('r.tenant_id = :tenantId AND r.engagement_id IN (:...ids)', { tenantId, ids: engagementIds.length ? engagementIds : [null] })
      .andWhere(`r.effective_from <= (now() AT TIME ZONE (SELECT time_zone FROM tenants WHERE id = :tenantId))::date`)
      .orderBy('r.engagement_id')
      .addOrderBy('r.effective_from', 'DESC')
      .getMany();
    return new Map(rows.map((r) => [r.engagementId, r]));
  }

  /** Billable hours of the current month (tenant time zone) against each retainer; engagements without one are left out. */
  async retainers(manager: EntityManager, tenantId: string, engagementIds: string[]): Promise<Map<string, RetainerResponse>> {
    const rows: (RetainerResponse & { engagementId: string })[] = await manager.query(
      `WITH tz AS (SELECT time_zone AS zone, date_trunc('month', now() AT TIME ZONE time_zone) AS month FROM tenants WHERE id = $1)
       SELECT e.id AS "engagementId", to_char(tz.month, 'YYYY-MM') AS month,
              e.retainer_hours_per_month::text AS "hoursPerMonth",
              round(used.seconds / 3600.0, 2)::text AS "usedHours",
              greatest(e.retainer_hours_per_month - round(used.seconds / 3600.0, 2), 0)::numeric(9, 2)::text AS "remainingHours",
              floor(100 * used.seconds / 3600.0 / nullif(e.retainer_hours_per_month, 0))::int AS "usedPercent"
       FROM engagements e CROSS JOIN tz
       CROSS JOIN LATERAL (
         SELECT COALESCE(sum(w.duration_seconds), 0) AS seconds FROM work_logs w
         WHERE w.tenant_id = $1 AND w.engagement_id = e.id AND w.billable AND w.duration_seconds IS NOT NULL
           AND w.started_at >= tz.month AT TIME ZONE tz.zone AND w.started_at < (tz.month + interval '1 month') AT TIME ZONE tz.zone
       ) used
       WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[]) AND e.retainer_hours_per_month IS NOT NULL`,
      [tenantId, engagementIds],
    );
    return new Map(rows.map(({ engagementId, ...retainer }) => [engagementId, retainer]));
  }

  /** Records that the month's alert at `threshold` percent went out; false when it already had. */
  async claimRetainerAlert(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
    month: string,
    threshold: number,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO retainer_alerts (tenant_id, engagement_id, month, threshold_percent) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [tenantId, engagementId, `${month}-01`, threshold],
    );
    return inserted.length > 0;
  }

  async alertNames(
    manager: EntityManager,
    tenantId: string,
    engagementId: string,
  ): Promise<{ engagementName: string; tenantName: string }> {
    const [names]: { engagementName: string; tenantName: string }[] = await manager.query(
      `SELECT e.name AS "engagementName", t.name AS "tenantName" FROM engagements e JOIN tenants t ON t.id = e.tenant_id
       WHERE e.tenant_id = $1 AND e.id = $2`,
      [tenantId, engagementId],
    );
    return names;
  }

  async displayName(manager: EntityManager, userId: string): Promise<PersonResponse | null> {
    const rows: PersonResponse[] = await manager.query(`SELECT id, display_name AS "displayName" FROM users WHERE id = $1`, [userId]);
    return rows[0] ?? null;
  }
}
