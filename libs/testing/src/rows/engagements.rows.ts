import { iso, newId, type At, type Sql } from '../sql';

export async function insertClientAccount(
  db: Sql,
  row: { tenantId: string; id?: string; name: string; billingEmail?: string | null; notes?: string | null },
): Promise<string> {
  const id = row.id ?? newId();
  await db.query(`INSERT INTO client_accounts (tenant_id, id, name, billing_email, notes) VALUES ($1, $2, $3, $4, $5)`, [
    row.tenantId,
    id,
    row.name,
    row.billingEmail ?? null,
    row.notes ?? null,
  ]);
  return id;
}

export interface EngagementRow {
  tenantId: string;
  clientAccountId: string;
  name: string;
  description?: string | null;
  currency?: string;
  retainerHoursPerMonth?: string | null;
  workingAgreement?: Record<string, string>;
  confidentialityTerms?: string | null;
  confidentialityAcceptedBy?: string | null;
  confidentialityAcceptedAt?: At | null;
  createdAt?: At;
  assistantIds?: string[];
  /** Hourly rates from a date (YYYY-MM-DD) on, written by `ratesBy`. */
  rates?: { effectiveFrom: string; hourlyRate: string }[];
  ratesBy?: string;
}

/** An engagement with its assistants and rate history, as the API writes them. */
export async function insertEngagement(db: Sql, row: EngagementRow): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO engagements (tenant_id, id, client_account_id, name, description, currency, retainer_hours_per_month, working_agreement,
       confidentiality_terms, confidentiality_accepted_by, confidentiality_accepted_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      row.tenantId,
      id,
      row.clientAccountId,
      row.name,
      row.description ?? null,
      row.currency ?? 'EUR',
      row.retainerHoursPerMonth ?? null,
      JSON.stringify(row.workingAgreement ?? {}),
      row.confidentialityTerms ?? null,
      row.confidentialityAcceptedBy ?? null,
      iso(row.confidentialityAcceptedAt),
      iso(row.createdAt ?? new Date()),
    ],
  );
  for (const userId of row.assistantIds ?? []) {
    await db.query(`INSERT INTO engagement_assistants (tenant_id, engagement_id, user_id) VALUES ($1, $2, $3)`, [row.tenantId, id, userId]);
  }
  for (const rate of row.rates ?? []) {
    if (!row.ratesBy) throw new Error('insertEngagement: rates need ratesBy (the user who set them)');
    await db.query(
      `INSERT INTO engagement_rates (tenant_id, id, engagement_id, effective_from, hourly_rate, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.tenantId, newId(), id, rate.effectiveFrom, rate.hourlyRate, row.ratesBy],
    );
  }
  return id;
}
