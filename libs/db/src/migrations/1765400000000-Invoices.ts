import type { MigrationInterface, QueryRunner } from 'typeorm';

const CURRENT_TENANT = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;

const TABLES = ['invoices', 'invoice_lines', 'invoice_payments', 'invoice_counters'];

/**
 * Invoices and credit notes (one table, `kind`), their lines and payments, and the per-tenant number
 * counters. A number is taken from the tenant's counter row for (series, year) only when a document is
 * issued, in the issuing transaction: the row lock serializes issuing within a tenant and a rollback
 * gives the number back, so numbers are gapless; a voided invoice keeps its number.
 * Client accounts get billing details and tax; engagements a retainer fee and a price per billable
 * revision round; a credit-ledger entry records the invoice that used it.
 */
export class Invoices1765400000000 implements MigrationInterface {
  name = 'Invoices1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client_accounts
      ADD COLUMN billing_address text CHECK (length(billing_address) <= 1000),
      ADD COLUMN tax_id text CHECK (length(tax_id) <= 64),
      ADD COLUMN tax_rate numeric(5, 2) CHECK (tax_rate BETWEEN 0 AND 100),
      ADD COLUMN reverse_charge boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE engagements
      ADD COLUMN retainer_monthly_fee numeric(12, 2) CHECK (retainer_monthly_fee >= 0),
      ADD COLUMN revision_round_price numeric(12, 2) CHECK (revision_round_price >= 0)`);

    await q.query(`CREATE TABLE invoices (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
      client_account_id uuid NOT NULL,
      credit_note_for uuid,
      number text,
      status text NOT NULL CHECK (status IN ('draft', 'issued', 'sent', 'paid', 'void')),
      currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
      period_start date,
      period_end date,
      issue_date date,
      due_date date,
      tax_rate numeric(5, 2) CHECK (tax_rate BETWEEN 0 AND 100),
      reverse_charge boolean NOT NULL DEFAULT false,
      subtotal numeric(16, 3) NOT NULL DEFAULT 0,
      tax_amount numeric(16, 3) NOT NULL DEFAULT 0,
      total numeric(16, 3) NOT NULL DEFAULT 0,
      client_name text,
      billing_address text,
      client_tax_id text,
      notes text CHECK (length(notes) <= 2000),
      void_reason text CHECK (length(void_reason) <= 1000),
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      issued_by uuid REFERENCES users (id),
      issued_at timestamptz,
      sent_at timestamptz,
      paid_on date,
      voided_at timestamptz,
      overdue_reminded_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, client_account_id) REFERENCES client_accounts (tenant_id, id),
      FOREIGN KEY (tenant_id, credit_note_for) REFERENCES invoices (tenant_id, id),
      CHECK ((kind = 'credit_note') = (credit_note_for IS NOT NULL)),
      CHECK ((status = 'draft') = (number IS NULL)),
      CHECK (period_end IS NULL OR period_end >= period_start),
      CHECK (total = subtotal + tax_amount))`);
    await q.query(`CREATE UNIQUE INDEX invoices_number_key ON invoices (tenant_id, kind, number) WHERE number IS NOT NULL`);
    await q.query(`CREATE INDEX invoices_client_idx ON invoices (tenant_id, client_account_id, created_at)`);
    await q.query(`CREATE INDEX invoices_credit_notes_idx ON invoices (tenant_id, credit_note_for) WHERE credit_note_for IS NOT NULL`);
    await q.query(`CREATE INDEX invoices_open_due_idx ON invoices (due_date) WHERE status IN ('issued', 'sent') AND overdue_reminded_at IS NULL`);

    await q.query(`CREATE TABLE invoice_lines (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      invoice_id uuid NOT NULL,
      position int NOT NULL CHECK (position >= 0),
      kind text NOT NULL CHECK (kind IN ('time', 'retainer_fee', 'retainer_overage', 'fix', 'revision_rounds', 'discount', 'free_hours', 'credit', 'manual')),
      engagement_id uuid,
      credit_ledger_entry_id uuid,
      credits_line_id uuid,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
      quantity numeric(12, 2) NOT NULL,
      unit text NOT NULL CHECK (unit IN ('hour', 'item', 'month', 'percent')),
      unit_price numeric(16, 3) NOT NULL,
      amount numeric(16, 3) NOT NULL,
      note text CHECK (length(note) <= 500),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagements (tenant_id, id),
      FOREIGN KEY (tenant_id, credits_line_id) REFERENCES invoice_lines (tenant_id, id))`);
    await q.query(`CREATE INDEX invoice_lines_invoice_idx ON invoice_lines (tenant_id, invoice_id, position)`);

    await q.query(`CREATE TABLE invoice_payments (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      id uuid NOT NULL,
      invoice_id uuid NOT NULL,
      paid_on date NOT NULL,
      amount numeric(16, 3) NOT NULL CHECK (amount > 0),
      method text NOT NULL CHECK (length(method) BETWEEN 1 AND 100),
      recorded_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id),
      FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id))`);
    await q.query(`CREATE INDEX invoice_payments_invoice_idx ON invoice_payments (tenant_id, invoice_id, paid_on)`);

    await q.query(`CREATE TABLE invoice_counters (
      tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
      series text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
      year int NOT NULL CHECK (year BETWEEN 2000 AND 9999),
      next_number int NOT NULL CHECK (next_number >= 1),
      PRIMARY KEY (tenant_id, series, year))`);

    await q.query(`ALTER TABLE credit_ledger_entries ADD COLUMN used_on_invoice_id uuid,
      ADD FOREIGN KEY (tenant_id, used_on_invoice_id) REFERENCES invoices (tenant_id, id)`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
      );
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON invoices, invoice_counters TO candor_runtime`);
    // Only a draft is ever deleted (discarded); the service checks the status under the row lock.
    await q.query(`GRANT DELETE ON invoices TO candor_runtime`);
    // Draft lines are edited and removed; payments are only ever added.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON invoice_lines TO candor_runtime`);
    await q.query(`GRANT SELECT, INSERT ON invoice_payments TO candor_runtime`);

    // The overdue sweep's one cross-tenant read: which tenants have an unpaid invoice past due, not yet reminded.
    await q.query(`CREATE FUNCTION invoice_overdue_candidates(p_today date, p_limit int)
      RETURNS TABLE (tenant_id uuid, id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT i.tenant_id, i.id FROM invoices i
        WHERE i.status IN ('issued', 'sent') AND i.overdue_reminded_at IS NULL AND i.due_date < p_today
        ORDER BY i.due_date LIMIT p_limit $$`);
    await q.query(`REVOKE ALL ON FUNCTION invoice_overdue_candidates(date, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION invoice_overdue_candidates(date, int) TO candor_runtime`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION invoice_overdue_candidates(date, int)`);
    await q.query(`ALTER TABLE credit_ledger_entries DROP COLUMN used_on_invoice_id`);
    await q.query(`DROP TABLE invoice_counters, invoice_payments, invoice_lines, invoices`);
    await q.query(`ALTER TABLE engagements DROP COLUMN retainer_monthly_fee, DROP COLUMN revision_round_price`);
    await q.query(`ALTER TABLE client_accounts DROP COLUMN billing_address, DROP COLUMN tax_id, DROP COLUMN tax_rate, DROP COLUMN reverse_charge`);
  }
}
