import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { BillableEntry } from '@candor/domain';

export interface EngagementSource {
  id: string;
  name: string;
  currency: string;
  retainerHoursPerMonth: string | null;
  retainerMonthlyFee: string | null;
  revisionRoundPrice: string | null;
}

export interface CreditSource {
  id: string;
  kind: 'discount_next_project' | 'free_hours' | 'credit' | 'refund';
  value: string;
  description: string;
}

/** The day of an entry in the tenant's zone: what the period is cut by. */
const LOCAL_DAY = `(w.started_at AT TIME ZONE t.time_zone)::date`;

/** What a draft is computed from: a client account's engagements, approved time, billable rounds and open credits. */
@Injectable()
export class InvoiceSourcesRepository {
  engagements(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<EngagementSource[]> {
    return manager.query(
      `SELECT id, name, currency, retainer_hours_per_month::text AS "retainerHoursPerMonth", retainer_monthly_fee::text AS "retainerMonthlyFee",
              revision_round_price::text AS "revisionRoundPrice"
       FROM engagements WHERE tenant_id = $1 AND client_account_id = $2 ORDER BY name, id`,
      [tenantId, clientAccountId],
    );
  }

  /** Billable or fix entries of the period that are not approved yet (no week approved over them). */
  async unapprovedCount(manager: EntityManager, tenantId: string, engagementIds: string[], from: string, to: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM work_logs w JOIN tenants t ON t.id = w.tenant_id
       WHERE w.tenant_id = $1 AND w.engagement_id = ANY($2::uuid[]) AND w.status <> 'locked'
         AND (w.billable OR w.disclosure_id IS NOT NULL) AND ${LOCAL_DAY} BETWEEN $3 AND $4`,
      [tenantId, engagementIds, from, to],
    );
    return row.n;
  }

  /** Approved (locked) entries of the period: billable ones, and fix time (never charged). */
  async entries(
    manager: EntityManager,
    tenantId: string,
    engagementIds: string[],
    from: string,
    to: string,
  ): Promise<Map<string, BillableEntry[]>> {
    const rows: (BillableEntry & { engagementId: string })[] = await manager.query(
      `SELECT w.engagement_id AS "engagementId", ${LOCAL_DAY}::text AS date, w.duration_seconds AS seconds, w.hourly_rate::text AS rate,
              (w.disclosure_id IS NOT NULL) AS fix
       FROM work_logs w JOIN tenants t ON t.id = w.tenant_id
       WHERE w.tenant_id = $1 AND w.engagement_id = ANY($2::uuid[]) AND w.status = 'locked' AND w.duration_seconds IS NOT NULL
         AND (w.billable OR w.disclosure_id IS NOT NULL) AND ${LOCAL_DAY} BETWEEN $3 AND $4
       ORDER BY w.started_at, w.id`,
      [tenantId, engagementIds, from, to],
    );
    const byEngagement = new Map<string, BillableEntry[]>();
    for (const { engagementId, ...entry } of rows) byEngagement.set(engagementId, [...(byEngagement.get(engagementId) ?? []), entry]);
    return byEngagement;
  }

  /** Billable revision rounds the team accepted in the period, per engagement. */
  async billableRounds(
    manager: EntityManager,
    tenantId: string,
    engagementIds: string[],
    from: string,
    to: string,
  ): Promise<Map<string, number>> {
    const rows: { engagementId: string; n: number }[] = await manager.query(
      `SELECT d.engagement_id AS "engagementId", count(*)::int AS n FROM revision_requests r
       JOIN deliverables d ON d.tenant_id = r.tenant_id AND d.id = r.deliverable_id
       JOIN tenants t ON t.id = r.tenant_id
       WHERE r.tenant_id = $1 AND d.engagement_id = ANY($2::uuid[]) AND r.billable AND r.status IN ('open', 'fulfilled')
         AND (r.accepted_at AT TIME ZONE t.time_zone)::date BETWEEN $3 AND $4
       GROUP BY d.engagement_id`,
      [tenantId, engagementIds, from, to],
    );
    return new Map(rows.map((r) => [r.engagementId, r.n]));
  }

  /**
   * Accepted offers on the client's credit ledger that an invoice can use (a discount, free hours, money in
   * the invoice's currency), not yet used: locked, so two drafts never take the same entry.
   */
  openCredits(manager: EntityManager, tenantId: string, clientAccountId: string, currency: string): Promise<CreditSource[]> {
    return manager.query(
      `SELECT id, kind, value::text AS value, description FROM credit_ledger_entries
       WHERE tenant_id = $1 AND client_account_id = $2 AND used_on_invoice_id IS NULL AND applied_at IS NULL
         AND (kind IN ('discount_next_project', 'free_hours') OR (kind IN ('credit', 'refund') AND currency = $3))
       ORDER BY created_at, id FOR UPDATE`,
      [tenantId, clientAccountId, currency],
    );
  }

  /** Marks credit-ledger entries used by an invoice (null releases them). Returns how many were taken. */
  async useCredits(manager: EntityManager, tenantId: string, creditIds: string[], invoiceId: string | null): Promise<void> {
    await manager.query(`UPDATE credit_ledger_entries SET used_on_invoice_id = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
      tenantId,
      creditIds,
      invoiceId,
    ]);
  }

  async releaseCreditsOf(manager: EntityManager, tenantId: string, invoiceId: string): Promise<void> {
    await manager.query(
      `UPDATE compensation_offers o SET status = 'accepted', applied_by = NULL, applied_at = NULL FROM credit_ledger_entries c
       WHERE c.tenant_id = $1 AND c.used_on_invoice_id = $2 AND o.tenant_id = c.tenant_id AND o.id = c.offer_id AND o.status = 'applied'`,
      [tenantId, invoiceId],
    );
    await manager.query(
      `UPDATE credit_ledger_entries SET used_on_invoice_id = NULL, applied_at = NULL WHERE tenant_id = $1 AND used_on_invoice_id = $2`,
      [tenantId, invoiceId],
    );
  }

  /** At issue: the credits the invoice uses are applied, and their offers marked applied. */
  async applyCreditsOf(manager: EntityManager, tenantId: string, invoiceId: string, userId: string): Promise<void> {
    await manager.query(`UPDATE credit_ledger_entries SET applied_at = now() WHERE tenant_id = $1 AND used_on_invoice_id = $2`, [
      tenantId,
      invoiceId,
    ]);
    await manager.query(
      `UPDATE compensation_offers o SET status = 'applied', applied_by = $3, applied_at = now() FROM credit_ledger_entries c
       WHERE c.tenant_id = $1 AND c.used_on_invoice_id = $2 AND o.tenant_id = c.tenant_id AND o.id = c.offer_id AND o.status = 'accepted'`,
      [tenantId, invoiceId, userId],
    );
  }

  /** A live invoice that already bills one of these engagements over an overlapping period (its number, or "a draft"). */
  async overlapping(manager: EntityManager, tenantId: string, engagementIds: string[], from: string, to: string): Promise<string | null> {
    const [row]: { label: string }[] = await manager.query(
      `SELECT COALESCE(i.number, 'a draft') AS label FROM invoices i
       WHERE i.tenant_id = $1 AND i.kind = 'invoice' AND i.status <> 'void' AND i.period_start <= $4 AND i.period_end >= $3
         AND EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = i.tenant_id AND l.invoice_id = i.id AND l.engagement_id = ANY($2::uuid[]))
       LIMIT 1`,
      [tenantId, engagementIds, from, to],
    );
    return row?.label ?? null;
  }
}
