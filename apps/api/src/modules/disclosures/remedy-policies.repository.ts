import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { offerValueText } from './disclosures.repository';
import type { RemedyPolicyResponse } from './dto/remedy-policy.dto';

const COLUMNS = `category, remedy_plan AS "remedyPlan", remedy_due_hours AS "remedyDueHours", offer_kind AS "offerKind",
  ${offerValueText('offer_kind', 'offer_value')} AS "offerValue",
  offer_currency AS "offerCurrency", offer_note AS "offerNote", offer_valid_days AS "offerValidDays", updated_at AS "updatedAt"`;

export interface RemedyPolicyValues {
  tenantId: string;
  engagementId: string;
  category: string;
  remedyPlan: string;
  remedyDueHours: number;
  offerKind: string | null;
  offerValue: string | null;
  offerCurrency: string | null;
  offerNote: string;
  offerValidDays: number;
  updatedBy: string;
}

/** The remedies agreed per engagement and category of error. */
@Injectable()
export class RemedyPoliciesRepository {
  list(manager: EntityManager, tenantId: string, engagementId: string): Promise<RemedyPolicyResponse[]> {
    return manager.query(`SELECT ${COLUMNS} FROM remedy_policies WHERE tenant_id = $1 AND engagement_id = $2 ORDER BY category`, [
      tenantId,
      engagementId,
    ]);
  }

  /** Writes the engagement's remedy for the category, replacing the one agreed before. */
  async save(manager: EntityManager, p: RemedyPolicyValues): Promise<RemedyPolicyResponse> {
    const [row]: RemedyPolicyResponse[] = await manager.query(
      `INSERT INTO remedy_policies (tenant_id, engagement_id, category, remedy_plan, remedy_due_hours, offer_kind, offer_value, offer_currency,
         offer_note, offer_valid_days, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, engagement_id, category) DO UPDATE SET remedy_plan = EXCLUDED.remedy_plan, remedy_due_hours = EXCLUDED.remedy_due_hours,
         offer_kind = EXCLUDED.offer_kind, offer_value = EXCLUDED.offer_value, offer_currency = EXCLUDED.offer_currency,
         offer_note = EXCLUDED.offer_note, offer_valid_days = EXCLUDED.offer_valid_days, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
       RETURNING ${COLUMNS}`,
      [
        p.tenantId,
        p.engagementId,
        p.category,
        p.remedyPlan,
        p.remedyDueHours,
        p.offerKind,
        p.offerValue,
        p.offerCurrency,
        p.offerNote,
        p.offerValidDays,
        p.updatedBy,
      ],
    );
    return row;
  }

  /** Whether there was one to remove. */
  async remove(manager: EntityManager, tenantId: string, engagementId: string, category: string): Promise<boolean> {
    const [, count]: [unknown, number] = await manager.query(
      `DELETE FROM remedy_policies WHERE tenant_id = $1 AND engagement_id = $2 AND category = $3`,
      [tenantId, engagementId, category],
    );
    return count > 0;
  }
}
