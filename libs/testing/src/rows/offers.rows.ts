import { iso, newId, type At, type Sql } from '../sql';

export interface OfferRow {
  tenantId: string;
  disclosureId: string;
  createdBy: string;
  expiresAt: At;
  kind?: string;
  value?: string | null;
  currency?: string | null;
  note?: string;
  status?: 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'expired' | 'applied';
  createdAt?: At;
  /** Defaults to now once the offer is answered. */
  decidedAt?: At;
  decidedBy?: string | null;
  appliedAt?: At | null;
  appliedBy?: string | null;
}

/** A compensation offer (a 10% discount on the next project unless told otherwise). */
export async function insertOffer(db: Sql, row: OfferRow): Promise<string> {
  const id = newId();
  const status = row.status ?? 'offered';
  const decidedAt = status === 'offered' ? null : (row.decidedAt ?? new Date());
  await db.query(
    `INSERT INTO compensation_offers (tenant_id, id, disclosure_id, kind, value, currency, note, status, expires_at, created_by, created_at,
       decided_by, decided_at, applied_by, applied_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      row.tenantId,
      id,
      row.disclosureId,
      row.kind ?? 'discount_next_project',
      row.value === undefined ? '10' : row.value,
      row.currency ?? null,
      row.note ?? '',
      status,
      iso(row.expiresAt),
      row.createdBy,
      iso(row.createdAt ?? new Date()),
      row.decidedBy ?? null,
      iso(decidedAt),
      row.appliedBy ?? null,
      iso(row.appliedAt),
    ],
  );
  return id;
}

/** The credit an accepted offer writes on the client account. */
export async function insertCreditEntry(
  db: Sql,
  row: {
    tenantId: string;
    clientAccountId: string;
    offerId: string;
    kind: string;
    value: string | null;
    currency: string | null;
    description: string;
    createdAt: At;
    appliedAt?: At | null;
  },
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO credit_ledger_entries (tenant_id, id, client_account_id, offer_id, kind, value, currency, description, created_at, applied_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      row.tenantId,
      id,
      row.clientAccountId,
      row.offerId,
      row.kind,
      row.value,
      row.currency,
      row.description,
      iso(row.createdAt),
      iso(row.appliedAt),
    ],
  );
  return id;
}

/** A follow-up after resolution; a skipped one carries a reason, a finished one the moment it was finished. */
export async function insertFollowUp(
  db: Sql,
  row: {
    tenantId: string;
    disclosureId: string;
    kind: 'client_check_in' | 'team_retrospective';
    dueAt: At;
    status?: 'pending' | 'done' | 'skipped';
    outcome?: string;
    clientResolved?: boolean;
    rating?: number;
    completedBy?: string;
    completedAt?: At;
  },
): Promise<string> {
  const id = newId();
  const status = row.status ?? 'pending';
  await db.query(
    `INSERT INTO follow_ups (tenant_id, id, disclosure_id, kind, due_at, status, outcome, skip_reason, client_resolved, rating, completed_by, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      row.tenantId,
      id,
      row.disclosureId,
      row.kind,
      iso(row.dueAt),
      status,
      row.outcome ?? null,
      status === 'skipped' ? 'Client asked us not to' : null,
      row.clientResolved ?? null,
      row.rating ?? null,
      row.completedBy ?? null,
      status === 'pending' ? null : iso(row.completedAt ?? new Date()),
    ],
  );
  return id;
}

/** A standing remedy for one category of error on an engagement. */
export async function insertRemedyPolicy(
  db: Sql,
  row: {
    tenantId: string;
    engagementId: string;
    category: string;
    remedyPlan: string;
    remedyDueHours: number;
    updatedBy: string;
    offerKind?: string | null;
    offerValue?: string | null;
    offerCurrency?: string | null;
    offerNote?: string;
    offerValidDays?: number;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO remedy_policies (tenant_id, engagement_id, category, remedy_plan, remedy_due_hours, offer_kind, offer_value, offer_currency, offer_note,
       offer_valid_days, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      row.tenantId,
      row.engagementId,
      row.category,
      row.remedyPlan,
      row.remedyDueHours,
      row.offerKind ?? null,
      row.offerValue ?? null,
      row.offerCurrency ?? null,
      row.offerNote ?? '',
      row.offerValidDays ?? 14,
      row.updatedBy,
    ],
  );
}
