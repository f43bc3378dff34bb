import { iso, newId, secondsBetween, type At, type Sql } from '../sql';

const UNDISCLOSED = ['draft', 'in_review'];

/** Client-facing words (what happened .. prevention) and internal ones (root cause .. preventive actions). */
export interface DisclosureWords {
  whatHappened?: string;
  impact?: string;
  apology?: string;
  remedyPlan?: string;
  resolutionSummary?: string;
  preventionSummary?: string;
  rootCause?: string;
  contributingFactors?: string;
  lessonsLearned?: string;
  preventiveActions?: string;
}

export interface DisclosureRow extends DisclosureWords {
  tenantId: string;
  engagementId: string;
  clientAccountId: string;
  authorId: string;
  status?: string;
  category?: string;
  severity?: string;
  detectedBy?: 'self' | 'teammate' | 'client';
  occurredAt?: At;
  discoveredAt?: At;
  /** Defaults to now once the status is past review; the database requires it exactly then. */
  disclosedAt?: At;
  acknowledgedAt?: At;
  remedyProposedAt?: At;
  remedyDueAt?: At;
  remedyAcceptedAt?: At;
  remedyAcceptedBy?: string;
  resolvedAt?: At;
  closedAt?: At;
  /** The team members involved (internal); the author unless told otherwise. */
  involvedUserIds?: string[];
}

/**
 * A disclosure at any stage with the moments of its history, and the derived columns (time to disclose
 * and to resolve, remedy rounds) computed as the API computes them. Its timeline is `insertDisclosureEvent`'s.
 */
export async function insertDisclosure(db: Sql, row: DisclosureRow): Promise<string> {
  const id = newId();
  const status = row.status ?? 'draft';
  const discoveredAt = row.discoveredAt ?? new Date();
  const disclosedAt = UNDISCLOSED.includes(status) ? null : (row.disclosedAt ?? new Date());
  await db.query(
    `INSERT INTO disclosures (tenant_id, id, engagement_id, client_account_id, author_id, category, severity, detected_by, status,
       what_happened, impact, apology, remedy_plan, remedy_due_at, resolution_summary, prevention_summary, root_cause, contributing_factors,
       lessons_learned, preventive_actions, occurred_at, discovered_at, disclosed_at, disclosed_by, time_to_disclose_seconds, acknowledged_at,
       remedy_proposed_at, remedy_rounds, remedy_accepted_at, remedy_accepted_by, resolved_at, time_to_resolve_seconds, closed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26,
       $27, $28, $29, $30, $31, $32, $33, $22)`,
    [
      row.tenantId,
      id,
      row.engagementId,
      row.clientAccountId,
      row.authorId,
      row.category ?? 'copy_error',
      row.severity ?? 'medium',
      row.detectedBy ?? 'self',
      status,
      row.whatHappened ?? "We sent the March invoice with last year's prices.",
      row.impact ?? '',
      row.apology ?? '',
      row.remedyPlan ?? '',
      iso(row.remedyDueAt),
      row.resolutionSummary ?? '',
      row.preventionSummary ?? '',
      row.rootCause ?? '',
      row.contributingFactors ?? '',
      row.lessonsLearned ?? '',
      row.preventiveActions ?? '',
      iso(row.occurredAt ?? discoveredAt),
      iso(discoveredAt),
      iso(disclosedAt),
      disclosedAt ? row.authorId : null,
      disclosedAt ? secondsBetween(discoveredAt, disclosedAt) : null,
      iso(row.acknowledgedAt),
      iso(row.remedyProposedAt),
      row.remedyProposedAt ? 1 : 0,
      iso(row.remedyAcceptedAt),
      row.remedyAcceptedBy ?? null,
      iso(row.resolvedAt),
      disclosedAt ? secondsBetween(disclosedAt, row.resolvedAt) : null,
      iso(row.closedAt),
    ],
  );
  for (const userId of row.involvedUserIds ?? [row.authorId]) {
    await db.query(`INSERT INTO disclosure_people (tenant_id, disclosure_id, user_id) VALUES ($1, $2, $3)`, [row.tenantId, id, userId]);
  }
  return id;
}

/** One step of a disclosure's timeline (append-only), at the moment it happened. */
export async function insertDisclosureEvent(
  db: Sql,
  row: {
    tenantId: string;
    disclosureId: string;
    actorId: string | null;
    action: string;
    fromStatus?: string | null;
    toStatus?: string | null;
    visibility: 'client' | 'internal';
    createdAt: At;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO disclosure_events (tenant_id, id, disclosure_id, actor_id, action, from_status, to_status, visibility, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      row.tenantId,
      newId(),
      row.disclosureId,
      row.actorId,
      row.action,
      row.fromStatus ?? null,
      row.toStatus ?? null,
      row.visibility,
      iso(row.createdAt),
    ],
  );
}
