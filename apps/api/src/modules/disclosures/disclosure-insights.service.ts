import { Injectable, NotFoundException } from '@nestjs/common';
import { clientAccountInScope, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { scopeWhere } from '../../common/scope-condition';
import { TenantContext } from '../../common/tenant-context';
import type { AnalyticsQuery, AnalyticsResponse, CreditsResponse, LessonResponse, LessonsQuery, ServiceRecordResponse } from './dto/insights.dto';

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Read models over disclosures: the client's service record and credits, the team's analytics and lessons. */
@Injectable()
export class DisclosureInsightsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
  ) {}

  /** Past disclosures of one client account, in the client-facing words only. */
  async serviceRecord(actor: Actor, clientAccountId: string): Promise<ServiceRecordResponse> {
    const clientName = await this.visibleClient(actor, clientAccountId);
    const params: unknown[] = [actor.tenantId, clientAccountId];
    const inScope = scopeWhere(await this.scopes.of(actor), { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params);
    const entries: ServiceRecordResponse['entries'] = await this.tenant.manager.query(
      `SELECT d.id AS "disclosureId", e.name AS "engagementName", d.category, d.severity, d.status, d.disclosed_at AS "disclosedAt",
              d.time_to_disclose_seconds AS "timeToDiscloseSeconds", d.what_happened AS "whatHappened", d.remedy_plan AS "remedyPlan",
              d.resolution_summary AS "resolutionSummary", d.prevention_summary AS "preventionSummary", d.resolved_at AS "resolvedAt"
       FROM disclosures d JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       WHERE d.tenant_id = $1 AND d.client_account_id = $2 AND d.disclosed_at IS NOT NULL AND ${inScope}
       ORDER BY d.disclosed_at DESC`,
      params,
    );
    const times = entries.map((e) => e.timeToDiscloseSeconds).filter((t): t is number => t !== null);
    return {
      clientAccountId,
      clientName,
      disclosed: entries.length,
      resolved: entries.filter((e) => e.resolvedAt).length,
      medianTimeToDiscloseSeconds: median(times),
      entries,
    };
  }

  async credits(actor: Actor, clientAccountId: string): Promise<CreditsResponse> {
    await this.visibleClient(actor, clientAccountId);
    const manager = this.tenant.manager;
    const scope = await this.scopes.of(actor);
    const params: unknown[] = [actor.tenantId, clientAccountId];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'l.client_account_id' }, params);
    const entries: CreditsResponse['entries'] = await manager.query(
      `SELECT l.id, l.offer_id AS "offerId", o.disclosure_id AS "disclosureId", l.kind,
              CASE WHEN l.kind IN ('credit', 'refund') THEN l.value::text ELSE trim_scale(l.value)::text END AS value,
              l.currency, l.description, l.created_at AS "createdAt", l.applied_at AS "appliedAt"
       FROM credit_ledger_entries l JOIN compensation_offers o ON o.tenant_id = l.tenant_id AND o.id = l.offer_id
       JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       WHERE l.tenant_id = $1 AND l.client_account_id = $2 AND ${inScope} ORDER BY l.created_at DESC`,
      params,
    );
    const moneyParams: unknown[] = [actor.tenantId, clientAccountId];
    const moneyInScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'l.client_account_id' }, moneyParams);
    const openMoney: CreditsResponse['openMoney'] = await manager.query(
      `SELECT l.currency, sum(l.value)::text AS amount
       FROM credit_ledger_entries l JOIN compensation_offers o ON o.tenant_id = l.tenant_id AND o.id = l.offer_id
       JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       WHERE l.tenant_id = $1 AND l.client_account_id = $2 AND l.kind IN ('credit', 'refund') AND l.applied_at IS NULL AND ${moneyInScope}
       GROUP BY l.currency ORDER BY l.currency`,
      moneyParams,
    );
    return { entries, openMoney };
  }

  async analytics(actor: Actor, query: AnalyticsQuery): Promise<AnalyticsResponse> {
    const manager = this.tenant.manager;
    const to = query.to ?? new Date().toISOString().slice(0, 7);
    const from = query.from ?? shiftMonth(to, -11);
    // Months are read in the tenant's time zone, like timesheets.
    const range = [actor.tenantId, `${from}-01`, `${shiftMonth(to, 1)}-01`];
    const inRange = `d.tenant_id = $1 AND (d.created_at AT TIME ZONE t.time_zone) >= $2::date AND (d.created_at AT TIME ZONE t.time_zone) < $3::date`;
    const byMonth: AnalyticsResponse['byMonth'] = await manager.query(
      `SELECT to_char(d.created_at AT TIME ZONE t.time_zone, 'YYYY-MM') AS month, d.category, d.severity, count(*)::int AS count
       FROM disclosures d JOIN tenants t ON t.id = d.tenant_id WHERE ${inRange}
       GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      range,
    );
    const [summary]: {
      disclosures: number;
      ttd: number | null;
      ttr: number | null;
      proposed: number;
      accepted: number;
    }[] = await manager.query(
      `SELECT count(*)::int AS disclosures,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.time_to_disclose_seconds) AS ttd,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY d.time_to_resolve_seconds) AS ttr,
              count(*) FILTER (WHERE d.remedy_rounds > 0)::int AS proposed,
              count(*) FILTER (WHERE d.remedy_accepted_at IS NOT NULL)::int AS accepted
       FROM disclosures d JOIN tenants t ON t.id = d.tenant_id WHERE ${inRange}`,
      range,
    );
    const [offers]: { answered: number; accepted: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE o.status IN ('accepted', 'applied', 'declined'))::int AS answered,
              count(*) FILTER (WHERE o.status IN ('accepted', 'applied'))::int AS accepted
       FROM compensation_offers o JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       JOIN tenants t ON t.id = d.tenant_id WHERE ${inRange}`,
      range,
    );
    const compensationTotals: AnalyticsResponse['compensationTotals'] = await manager.query(
      `SELECT o.currency, sum(o.value)::text AS amount
       FROM compensation_offers o JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       JOIN tenants t ON t.id = d.tenant_id
       WHERE ${inRange} AND o.kind IN ('credit', 'refund') AND o.status IN ('accepted', 'applied')
       GROUP BY o.currency ORDER BY o.currency`,
      range,
    );
    const round = (n: number | string | null) => (n === null ? null : Math.round(Number(n)));
    return {
      from,
      to,
      byMonth,
      disclosures: summary.disclosures,
      medianTimeToDiscloseSeconds: round(summary.ttd),
      medianTimeToResolveSeconds: round(summary.ttr),
      remedyAcceptanceRate: summary.proposed ? summary.accepted / summary.proposed : null,
      offerAcceptanceRate: offers.answered ? offers.accepted / offers.answered : null,
      compensationTotals,
    };
  }

  /** The team's lessons across disclosures, newest first; blameless: no names of people involved. */
  lessons(actor: Actor, query: LessonsQuery): Promise<LessonResponse[]> {
    return this.tenant.manager.query(
      `SELECT d.id AS "disclosureId", e.name AS "engagementName", c.name AS "clientName", d.category, d.severity,
              d.root_cause AS "rootCause", d.lessons_learned AS "lessonsLearned", d.preventive_actions AS "preventiveActions", d.created_at AS "createdAt"
       FROM disclosures d JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
       WHERE d.tenant_id = $1 AND (d.lessons_learned <> '' OR d.preventive_actions <> '' OR d.root_cause <> '')
         AND ($2::text IS NULL OR d.category = $2)
         AND ($3::text IS NULL OR d.lessons_learned ILIKE $3 OR d.root_cause ILIKE $3 OR d.preventive_actions ILIKE $3
              OR d.contributing_factors ILIKE $3)
       ORDER BY d.created_at DESC LIMIT 200`,
      [actor.tenantId, query.category ?? null, query.q?.trim() ? likePattern(query.q.trim()) : null],
    );
  }

  private async visibleClient(actor: Actor, clientAccountId: string): Promise<string> {
    const [row]: { name: string }[] = await this.tenant.manager.query(`SELECT name FROM client_accounts WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      clientAccountId,
    ]);
    if (!row || !clientAccountInScope(await this.scopes.of(actor), clientAccountId)) {
      throw new NotFoundException('Client account not found');
    }
    return row.name;
  }
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}
