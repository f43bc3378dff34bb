import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsService } from '../engagements/engagements.service';
import type { RemedyPolicyDto, RemedyPolicyResponse } from './dto/remedy-policy.dto';

const COLUMNS = `category, remedy_plan AS "remedyPlan", remedy_due_hours AS "remedyDueHours", offer_kind AS "offerKind",
  CASE WHEN offer_kind IN ('credit', 'refund') THEN offer_value::text ELSE trim_scale(offer_value)::text END AS "offerValue",
  offer_currency AS "offerCurrency", offer_note AS "offerNote", offer_valid_days AS "offerValidDays", updated_at AS "updatedAt"`;

/** The remedies agreed up front in an engagement's working agreement, one per category of error. */
@Injectable()
export class RemedyPoliciesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly engagements: EngagementsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, engagementId: string): Promise<RemedyPolicyResponse[]> {
    await this.engagements.findVisible(actor, engagementId);
    return this.tenant.manager.query(`SELECT ${COLUMNS} FROM remedy_policies WHERE tenant_id = $1 AND engagement_id = $2 ORDER BY category`, [
      actor.tenantId,
      engagementId,
    ]);
  }

  async put(actor: Actor, engagementId: string, category: string, dto: RemedyPolicyDto): Promise<RemedyPolicyResponse> {
    await this.engagements.findVisible(actor, engagementId);
    const [row]: RemedyPolicyResponse[] = await this.tenant.manager.query(
      `INSERT INTO remedy_policies (tenant_id, engagement_id, category, remedy_plan, remedy_due_hours, offer_kind, offer_value, offer_currency,
         offer_note, offer_valid_days, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tenant_id, engagement_id, category) DO UPDATE SET remedy_plan = EXCLUDED.remedy_plan, remedy_due_hours = EXCLUDED.remedy_due_hours,
         offer_kind = EXCLUDED.offer_kind, offer_value = EXCLUDED.offer_value, offer_currency = EXCLUDED.offer_currency,
         offer_note = EXCLUDED.offer_note, offer_valid_days = EXCLUDED.offer_valid_days, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${COLUMNS}`,
      [
        actor.tenantId,
        engagementId,
        category,
        dto.remedyPlan.trim(),
        dto.remedyDueHours,
        dto.offerKind ?? null,
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- a JSON body may carry a number here, which the validator accepts
        dto.offerKind && dto.offerValue !== undefined ? String(dto.offerValue) : null,
        dto.offerKind ? (dto.offerCurrency ?? null) : null,
        dto.offerNote?.trim() ?? '',
        dto.offerValidDays ?? 14,
        actor.userId,
      ],
    );
    await this.record(actor, 'remedy_policy.saved', engagementId, { category, after: { ...dto } });
    return row;
  }

  async remove(actor: Actor, engagementId: string, category: string): Promise<void> {
    await this.engagements.findVisible(actor, engagementId);
    const [, count]: [unknown, number] = await this.tenant.manager.query(
      `DELETE FROM remedy_policies WHERE tenant_id = $1 AND engagement_id = $2 AND category = $3`,
      [actor.tenantId, engagementId, category],
    );
    if (!count) throw new NotFoundException(`There is no agreed remedy for ${category} on this engagement`);
    await this.record(actor, 'remedy_policy.removed', engagementId, { category });
  }

  private record(actor: Actor, action: string, engagementId: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'engagement',
      entityId: engagementId,
      change,
    });
  }
}
