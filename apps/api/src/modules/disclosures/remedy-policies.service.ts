import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsService } from '../engagements/engagements.service';
import type { RemedyPolicyDto, RemedyPolicyResponse } from './dto/remedy-policy.dto';
import { RemedyPoliciesRepository } from './remedy-policies.repository';

/** The remedies agreed up front in an engagement's working agreement, one per category of error. */
@Injectable()
export class RemedyPoliciesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: RemedyPoliciesRepository,
    private readonly engagements: EngagementsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, engagementId: string): Promise<RemedyPolicyResponse[]> {
    await this.engagements.findVisible(actor, engagementId);
    return this.repository.list(this.tenant.manager, actor.tenantId, engagementId);
  }

  async put(actor: Actor, engagementId: string, category: string, dto: RemedyPolicyDto): Promise<RemedyPolicyResponse> {
    await this.engagements.findVisible(actor, engagementId);
    const row = await this.repository.save(this.tenant.manager, {
      tenantId: actor.tenantId,
      engagementId,
      category,
      remedyPlan: dto.remedyPlan.trim(),
      remedyDueHours: dto.remedyDueHours,
      offerKind: dto.offerKind ?? null,
      offerValue: dto.offerKind && dto.offerValue !== undefined ? dto.offerValue : null,
      offerCurrency: dto.offerKind ? (dto.offerCurrency ?? null) : null,
      offerNote: dto.offerNote?.trim() ?? '',
      offerValidDays: dto.offerValidDays ?? 14,
      updatedBy: actor.userId,
    });
    await this.record(actor, 'remedy_policy.saved', engagementId, { category, after: { ...dto } });
    return row;
  }

  async remove(actor: Actor, engagementId: string, category: string): Promise<void> {
    await this.engagements.findVisible(actor, engagementId);
    if (!(await this.repository.remove(this.tenant.manager, actor.tenantId, engagementId, category)))
      throw new NotFoundException(`There is no agreed remedy for ${category} on this engagement`);
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
