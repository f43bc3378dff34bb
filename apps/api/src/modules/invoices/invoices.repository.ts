import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { scopeWhere } from '@candor/db';
import type { ComputedLine, Scope } from '@candor/domain';

export type InvoiceStatus = 'draft' | 'issued' | 'sent' | 'paid' | 'void';
export type InvoiceKind = 'invoice' | 'credit_note';

/** An invoice or credit note with what was paid and credited against it; money as exact decimal strings. */
export interface InvoiceRow {
  id: string;
  kind: InvoiceKind;
  clientAccountId: string;
  accountName: string;
  creditNoteFor: string | null;
  creditNoteForNumber: string | null;
  number: string | null;
  status: InvoiceStatus;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
  issueDate: string | null;
  dueDate: string | null;
  taxRate: string | null;
  reverseCharge: boolean;
  subtotal: string;
  taxAmount: string;
  total: string;
  clientName: string | null;
  billingAddress: string | null;
  clientTaxId: string | null;
  notes: string | null;
  voidReason: string | null;
  createdAt: Date;
  amountPaid: string;
  amountCredited: string;
  creditedTax: string;
  overdue: boolean;
}

export interface InvoiceLineRow extends ComputedLine {
  id: string;
  position: number;
  creditsLineId: string | null;
}

export interface PaymentRow {
  id: string;
  paidOn: string;
  amount: string;
  method: string;
}

const COLUMNS = `i.id, i.kind, i.client_account_id AS "clientAccountId", c.name AS "accountName", i.credit_note_for AS "creditNoteFor",
  f.number AS "creditNoteForNumber", i.number, i.status, i.currency, i.period_start::text AS "periodStart", i.period_end::text AS "periodEnd",
  i.issue_date::text AS "issueDate", i.due_date::text AS "dueDate", i.tax_rate::text AS "taxRate", i.reverse_charge AS "reverseCharge",
  i.subtotal::text, i.tax_amount::text AS "taxAmount", i.total::text, i.client_name AS "clientName", i.billing_address AS "billingAddress",
  i.client_tax_id AS "clientTaxId", i.notes, i.void_reason AS "voidReason", i.created_at AS "createdAt",
  COALESCE((SELECT sum(p.amount) FROM invoice_payments p WHERE p.tenant_id = i.tenant_id AND p.invoice_id = i.id), 0)::text AS "amountPaid",
  COALESCE((SELECT sum(n.total) FROM invoices n WHERE n.tenant_id = i.tenant_id AND n.credit_note_for = i.id AND n.status <> 'void'), 0)::text
    AS "amountCredited",
  COALESCE((SELECT sum(n.tax_amount) FROM invoices n WHERE n.tenant_id = i.tenant_id AND n.credit_note_for = i.id AND n.status <> 'void'), 0)::text
    AS "creditedTax",
  (i.status IN ('issued', 'sent') AND i.due_date < (now() AT TIME ZONE t.time_zone)::date) AS overdue`;

const LINE_COLUMNS = `l.id, l.position, l.kind, l.engagement_id AS "engagementId", l.credit_ledger_entry_id AS "creditId",
  l.credits_line_id AS "creditsLineId", l.description, l.quantity::text, l.unit, l.unit_price::text AS "unitPrice", l.amount::text, l.note`;

const FROM = `invoices i
  JOIN client_accounts c ON c.tenant_id = i.tenant_id AND c.id = i.client_account_id
  JOIN tenants t ON t.id = i.tenant_id
  LEFT JOIN invoices f ON f.tenant_id = i.tenant_id AND f.id = i.credit_note_for`;

/** Queries only: every one takes the tenant-scoped manager, and reads take the caller's scope. */
@Injectable()
export class InvoicesRepository {
  /**
   * Invoices and credit notes in `scope`; a client never sees a draft. Newest first.
   * `filter.id` finds one; `creditNoteFor` lists an invoice's credit notes.
   */
  find(
    manager: EntityManager,
    scope: Scope,
    filter: { id?: string; clientAccountId?: string; status?: InvoiceStatus; creditNoteFor?: string },
  ): Promise<InvoiceRow[]> {
    const params: unknown[] = [scope.tenantId, filter.id ?? null, filter.clientAccountId ?? null, filter.status ?? null];
    params.push(filter.creditNoteFor ?? null, scope.kind !== 'client_account');
    const inScope = scopeWhere(scope, { clientAccountId: 'i.client_account_id' }, params);
    return manager.query(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE i.tenant_id = $1 AND ($2::uuid IS NULL OR i.id = $2) AND ($3::uuid IS NULL OR i.client_account_id = $3)
         AND ($4::text IS NULL OR i.status = $4) AND ($5::uuid IS NULL OR i.credit_note_for = $5)
         AND ($6::boolean OR i.status <> 'draft') AND ${inScope}
       ORDER BY i.created_at DESC, i.id LIMIT 500`,
      params,
    );
  }

  /** The accounting period's invoices and credit notes: every one issued in it (voided ones too, by number). */
  issuedBetween(manager: EntityManager, tenantId: string, from: string, to: string): Promise<InvoiceRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE i.tenant_id = $1 AND i.status <> 'draft' AND i.issue_date BETWEEN $2::date AND $3::date
       ORDER BY i.issue_date, i.kind, i.number`,
      [tenantId, from, to],
    );
  }

  /** The language a client account reads: its first client_admin's, else the workspace's. */
  async clientLocale(manager: EntityManager, tenantId: string, clientAccountId: string): Promise<string | null> {
    const [row]: { locale: string | null }[] = await manager.query(
      `SELECT COALESCE((SELECT u.locale FROM memberships m JOIN users u ON u.id = m.user_id
                        WHERE m.tenant_id = $1 AND m.client_account_id = $2 AND m.role = 'client_admin'
                        ORDER BY m.created_at LIMIT 1),
                       t.default_locale) AS locale
       FROM tenants t WHERE t.id = $1`,
      [tenantId, clientAccountId],
    );
    return row?.locale ?? null;
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM invoices WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  lines(manager: EntityManager, tenantId: string, invoiceIds: string[]): Promise<(InvoiceLineRow & { invoiceId: string })[]> {
    return manager.query(
      `SELECT ${LINE_COLUMNS}, l.invoice_id AS "invoiceId" FROM invoice_lines l
       WHERE l.tenant_id = $1 AND l.invoice_id = ANY($2::uuid[]) ORDER BY l.invoice_id, l.position`,
      [tenantId, invoiceIds],
    );
  }

  payments(manager: EntityManager, tenantId: string, invoiceId: string): Promise<PaymentRow[]> {
    return manager.query(
      `SELECT id, paid_on::text AS "paidOn", amount::text, method FROM invoice_payments
       WHERE tenant_id = $1 AND invoice_id = $2 ORDER BY paid_on, created_at`,
      [tenantId, invoiceId],
    );
  }

  /** What credit notes already took from each line of an invoice. */
  async creditedPerLine(manager: EntityManager, tenantId: string, invoiceId: string): Promise<Map<string, string>> {
    const rows: { lineId: string; credited: string }[] = await manager.query(
      `SELECT l.credits_line_id AS "lineId", sum(l.amount)::text AS credited FROM invoice_lines l
       JOIN invoices n ON n.tenant_id = l.tenant_id AND n.id = l.invoice_id
       WHERE l.tenant_id = $1 AND n.credit_note_for = $2 AND n.status <> 'void' AND l.credits_line_id IS NOT NULL
       GROUP BY l.credits_line_id`,
      [tenantId, invoiceId],
    );
    return new Map(rows.map((r) => [r.lineId, r.credited]));
  }

  async insert(
    manager: EntityManager,
    row: {
      tenantId: string;
      id: string;
      kind: InvoiceKind;
      clientAccountId: string;
      creditNoteFor: string | null;
      currency: string;
      periodStart: string | null;
      periodEnd: string | null;
      taxRate: string | null;
      reverseCharge: boolean;
      notes: string | null;
      createdBy: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoices (tenant_id, id, kind, client_account_id, credit_note_for, status, currency, period_start, period_end, tax_rate,
         reverse_charge, notes, created_by)
       VALUES ($1, $2, $3, $4, $5, 'draft', $6, $7, $8, $9, $10, $11, $12)`,
      [
        row.tenantId,
        row.id,
        row.kind,
        row.clientAccountId,
        row.creditNoteFor,
        row.currency,
        row.periodStart,
        row.periodEnd,
        row.taxRate,
        row.reverseCharge,
        row.notes,
        row.createdBy,
      ],
    );
  }

  /** Replaces a draft's lines and totals in one go (positions follow the order given). */
  async replaceLines(
    manager: EntityManager,
    tenantId: string,
    invoiceId: string,
    lines: (ComputedLine & { id: string; creditsLineId?: string | null })[],
    totals: { subtotal: string; taxAmount: string; total: string },
  ): Promise<void> {
    await manager.query(`DELETE FROM invoice_lines WHERE tenant_id = $1 AND invoice_id = $2`, [tenantId, invoiceId]);
    for (const [position, l] of lines.entries()) {
      await manager.query(
        `INSERT INTO invoice_lines (tenant_id, id, invoice_id, position, kind, engagement_id, credit_ledger_entry_id, credits_line_id, description,
           quantity, unit, unit_price, amount, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          tenantId,
          l.id,
          invoiceId,
          position,
          l.kind,
          l.engagementId,
          l.creditId,
          l.creditsLineId ?? null,
          l.description,
          l.quantity,
          l.unit,
          l.unitPrice,
          l.amount,
          l.note,
        ],
      );
    }
    await manager.query(`UPDATE invoices SET subtotal = $3, tax_amount = $4, total = $5 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      invoiceId,
      totals.subtotal,
      totals.taxAmount,
      totals.total,
    ]);
  }

  async update(manager: EntityManager, tenantId: string, id: string, patch: Record<string, unknown>): Promise<void> {
    const entries = Object.entries(patch);
    const sets = entries.map(([column], i) => `${column} = $${i + 3}`).join(', ');
    await manager.query(`UPDATE invoices SET ${sets} WHERE tenant_id = $1 AND id = $2`, [tenantId, id, ...entries.map(([, v]) => v)]);
  }

  async delete(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM invoices WHERE tenant_id = $1 AND id = $2 AND status = 'draft'`, [tenantId, id]);
  }

  async insertPayment(
    manager: EntityManager,
    row: { tenantId: string; id: string; invoiceId: string; paidOn: string; amount: string; method: string; recordedBy: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO invoice_payments (tenant_id, id, invoice_id, paid_on, amount, method, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.tenantId, row.id, row.invoiceId, row.paidOn, row.amount, row.method, row.recordedBy],
    );
  }

  /**
   * The next number of the tenant's series for `year`: the counter row is created or incremented in one
   * statement, and its row lock is held until the issuing transaction ends, so parallel issues queue
   * behind it and a rolled-back issue gives its number back (no gaps). Per tenant, so it shards with it.
   */
  async nextNumber(manager: EntityManager, tenantId: string, series: InvoiceKind, year: number): Promise<number> {
    const [row]: { taken: number }[] = await manager.query(
      `INSERT INTO invoice_counters (tenant_id, series, year, next_number) VALUES ($1, $2, $3, 2)
       ON CONFLICT (tenant_id, series, year) DO UPDATE SET next_number = invoice_counters.next_number + 1
       RETURNING next_number - 1 AS taken`,
      [tenantId, series, year],
    );
    return row.taken;
  }

  /** Today in the tenant's zone (the issue date). */
  async today(manager: EntityManager, tenantId: string): Promise<string> {
    const [row]: { today: string }[] = await manager.query(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM tenants WHERE id = $1`,
      [tenantId],
    );
    return row.today;
  }

  /** The invoice's change trail: its audit events, oldest first, with who acted. */
  trail(
    manager: EntityManager,
    tenantId: string,
    invoiceId: string,
  ): Promise<{ action: string; at: Date; actorName: string | null; change: Record<string, unknown> }[]> {
    return manager.query(
      `SELECT a.action, a.created_at AS at, u.display_name AS "actorName", a.change FROM audit_events a
       LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE a.tenant_id = $1 AND a.entity_type = 'invoice' AND a.entity_id = $2 ORDER BY a.created_at, a.id`,
      [tenantId, invoiceId],
    );
  }
}
