import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sqlList, scopeWhere } from '@candor/db';
import { ACCEPTED_OFFER_STATUSES, MONEY_OFFER_KINDS, type Scope } from '@candor/domain';
import { offerValueText } from './disclosures.repository';
import type { AnalyticsResponse, CreditsResponse, LessonResponse, ServiceRecordResponse } from './dto/insights.dto';

export interface AnalyticsRows {
  byMonth: AnalyticsResponse['byMonth'];
  summary: { disclosures: number; ttd: number | null; ttr: number | null; proposed: number; accepted: number };
  offers: { answered: number; accepted: number };
  compensationTotals: AnalyticsResponse['compensationTotals'];
}

/** The read models over disclosures: a client's service record and credits, the team's analytics and lessons. */
@Injectable()
export class DisclosureInsightsRepository {
  /** Disclosed errors of one client account in `scope`, client-facing words only, newest first. */
  serviceRecord(manager: EntityManager, scope: Scope, clientAccountId: string): Promise<ServiceRecordResponse['entries']> {
    const params: unknown[] = [scope.tenantId, clientAccountId];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'd.client_account_id' }, params);
    return manager.query(
      `SELECT d.id AS "disclosureId", e.name AS "engagementName", d.category, d.severity, d.status, d.disclosed_at AS "disclosedAt",
              d.time_to_disclose_seconds AS "timeToDiscloseSeconds", d.what_happened AS "whatHappened", d.remedy_plan AS "remedyPlan",
              d.resolution_summary AS "resolutionSummary", d.prevention_summary AS "preventionSummary", d.resolved_at AS "resolvedAt"
       FROM disclosures d JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       WHERE d.tenant_id = $1 AND d.client_account_id = $2 AND d.disclosed_at IS NOT NULL AND ${inScope}
       ORDER BY d.disclosed_at DESC`,
      params,
    );
  }

  /** The client account's credit ledger in `scope`, and the money still owed per currency. */
  async credits(manager: EntityManager, scope: Scope, clientAccountId: string): Promise<CreditsResponse> {
    const params: unknown[] = [scope.tenantId, clientAccountId];
    const inScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'l.client_account_id' }, params);
    const entries: CreditsResponse['entries'] = await manager.query(
      `SELECT l.id, l.offer_id AS "offerId", o.disclosure_id AS "disclosureId", l.kind,
              ${offerValueText('l.kind', 'l.value')} AS value,
              l.currency, l.description, l.created_at AS "createdAt", l.applied_at AS "appliedAt",
              CASE WHEN i.number IS NOT NULL THEN i.id END AS "usedOnInvoiceId", i.number AS "usedOnInvoiceNumber"
       FROM credit_ledger_entries l JOIN compensation_offers o ON o.tenant_id = l.tenant_id AND o.id = l.offer_id
       JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       LEFT JOIN invoices i ON i.tenant_id = l.tenant_id AND i.id = l.used_on_invoice_id
       WHERE l.tenant_id = $1 AND l.client_account_id = $2 AND ${inScope} ORDER BY l.created_at DESC`,
      params,
    );
    const moneyParams: unknown[] = [scope.tenantId, clientAccountId];
    const moneyInScope = scopeWhere(scope, { engagementId: 'd.engagement_id', clientAccountId: 'l.client_account_id' }, moneyParams);
    const openMoney: CreditsResponse['openMoney'] = await manager.query(
      `SELECT l.currency, sum(l.value)::text AS amount
       FROM credit_ledger_entries l JOIN compensation_offers o ON o.tenant_id = l.tenant_id AND o.id = l.offer_id
       JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       WHERE l.tenant_id = $1 AND l.client_account_id = $2 AND l.kind IN (${sqlList(MONEY_OFFER_KINDS)}) AND l.applied_at IS NULL AND ${moneyInScope}
       GROUP BY l.currency ORDER BY l.currency`,
      moneyParams,
    );
    return { entries, openMoney };
  }

  /** Counts, medians and totals of the disclosures created from `fromDay` (inclusive) to `toDay` (exclusive), tenant time zone. */
  async analytics(manager: EntityManager, tenantId: string, fromDay: string, toDay: string): Promise<AnalyticsRows> {
    const range = [tenantId, fromDay, toDay];
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
      `SELECT count(*) FILTER (WHERE o.status IN (${sqlList([...ACCEPTED_OFFER_STATUSES, 'declined'])}))::int AS answered,
              count(*) FILTER (WHERE o.status IN (${sqlList(ACCEPTED_OFFER_STATUSES)}))::int AS accepted
       FROM compensation_offers o JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       JOIN tenants t ON t.id = d.tenant_id WHERE ${inRange}`,
      range,
    );
    const compensationTotals: AnalyticsResponse['compensationTotals'] = await manager.query(
      `SELECT o.currency, sum(o.value)::text AS amount
       FROM compensation_offers o JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       JOIN tenants t ON t.id = d.tenant_id
       WHERE ${inRange} AND o.kind IN (${sqlList(MONEY_OFFER_KINDS)}) AND o.status IN (${sqlList(ACCEPTED_OFFER_STATUSES)})
       GROUP BY o.currency ORDER BY o.currency`,
      range,
    );
    return { byMonth, summary: summary, offers: offers, compensationTotals };
  }

  /** Lessons across disclosures, newest first; `pattern` is an ILIKE pattern or null. */
  lessons(manager: EntityManager, tenantId: string, category: string | null, pattern: string | null): Promise<LessonResponse[]> {
    return manager.query(
      `SELECT d.id AS "disclosureId", e.name AS "engagementName", c.name AS "clientName", d.category, d.severity,
              d.root_cause AS "rootCause", d.lessons_learned AS "lessonsLearned", d.preventive_actions AS "preventiveActions", d.created_at AS "createdAt"
       FROM disclosures d JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
       WHERE d.tenant_id = $1 AND (d.lessons_learned <> '' OR d.preventive_actions <> '' OR d.root_cause <> '')
         AND ($2::text IS NULL OR d.category = $2)
         AND ($3::text IS NULL OR d.lessons_learned ILIKE $3 OR d.root_cause ILIKE $3 OR d.preventive_actions ILIKE $3
              OR d.contributing_factors ILIKE $3)
       ORDER BY d.created_at DESC LIMIT 200`,
      [tenantId, category, pattern],
    );
  }
}
