import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Engagement } from '@candor/db';
import { defineAbilityFor, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { isUniqueViolation } from '../../common/database-errors';
import { foundInScope } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { CreateEngagementDto } from './dto/create-engagement.dto';
import type { CreateRateDto } from './dto/create-rate.dto';
import type { EngagementResponse, RateResponse } from './dto/engagement.response';
import type { ListEngagementsQuery } from './dto/list-engagements.query';
import type { UpdateEngagementDto } from './dto/update-engagement.dto';
import { presentEngagement, presentRate, type EngagementRelated } from './engagement.presenter';
import { EngagementsRepository } from './engagements.repository';

@Injectable()
export class EngagementsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: EngagementsRepository,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListEngagementsQuery): Promise<EngagementResponse[]> {
    const rows = await this.repository.list(this.tenant.manager, await this.scopes.of(actor), query);
    return this.present(actor, rows);
  }

  async get(actor: Actor, id: string): Promise<EngagementResponse> {
    const [response] = await this.present(actor, [await this.findVisible(actor, id)]);
    return response;
  }

  /** The engagement in the actor's scope; 404 for an unknown one and for one outside it: existence is not revealed. */
  async findVisible(actor: Actor, id: string, lock = false): Promise<Engagement> {
    return foundInScope(await this.repository.findOne(this.tenant.manager, await this.scopes.of(actor), id, lock), 'Engagement');
  }

  async create(actor: Actor, dto: CreateEngagementDto): Promise<EngagementResponse> {
    const manager = this.tenant.manager;
    if (!(await this.repository.clientNames(manager, actor.tenantId, [dto.clientAccountId])).size)
      throw new NotFoundException('Client account not found');
    const assistantIds = await this.checkedStaff(actor, dto.assistantIds ?? []);
    const engagement = await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      id: randomUUID(),
      clientAccountId: dto.clientAccountId,
      name: dto.name.trim(),
      description: dto.description ?? null,
      status: dto.status ?? 'active',
      currency: dto.currency.toUpperCase(),
      includedRevisionRounds: dto.includedRevisionRounds ?? 2,
      deadline: dto.deadline ?? null,
      retainerHoursPerMonth: dto.retainerHoursPerMonth ?? null,
      retainerMonthlyFee: dto.retainerMonthlyFee ?? null,
      revisionRoundPrice: dto.revisionRoundPrice ?? null,
      workingAgreement: { ...dto.workingAgreement },
      confidentialityTerms: dto.confidentialityTerms ?? null,
      confidentialityAcceptedBy: null,
      confidentialityAcceptedAt: null,
    });
    await this.repository.replaceAssistants(manager, actor.tenantId, engagement.id, assistantIds);
    // The first rate applies from today; time logged earlier falls back to it as the earliest rate.
    await this.repository.insertFirstRate(manager, {
      tenantId: actor.tenantId,
      id: randomUUID(),
      engagementId: engagement.id,
      hourlyRate: dto.hourlyRate,
      createdBy: actor.userId,
    });
    await this.record(actor, 'engagement.created', engagement.id, { after: { ...dto } });
    return this.get(actor, engagement.id);
  }

  async update(actor: Actor, id: string, dto: UpdateEngagementDto): Promise<EngagementResponse> {
    const manager = this.tenant.manager;
    const before = await this.findVisible(actor, id, true);
    const { assistantIds, workingAgreement, ...fields } = dto;
    const patch: Partial<Engagement> = {
      ...fields,
      ...(fields.name !== undefined && { name: fields.name.trim() }),
      ...(workingAgreement !== undefined && { workingAgreement: { ...workingAgreement } }),
    };
    // New terms need a new acceptance: the old one was for different words.
    if (dto.confidentialityTerms !== undefined && dto.confidentialityTerms !== before.confidentialityTerms) {
      Object.assign(patch, { confidentialityAcceptedBy: null, confidentialityAcceptedAt: null });
    }
    if (Object.keys(patch).length) await this.repository.update(manager, actor.tenantId, id, patch);
    if (assistantIds) {
      const kept = await this.checkedStaff(actor, assistantIds);
      const removed =
        (await this.repository.assistants(manager, actor.tenantId, [id]))
          .get(id)
          ?.map((p) => p.id)
          .filter((u) => !kept.includes(u)) ?? [];
      await this.repository.replaceAssistants(manager, actor.tenantId, id, kept);
      const { timerLimitHours } = await this.tenants.settings(manager, actor.tenantId);
      for (const timerId of await this.repository.stopTimersOf(manager, actor.tenantId, id, removed, timerLimitHours)) {
        await this.audit.record(manager, {
          tenantId: actor.tenantId,
          actorUserId: actor.userId,
          action: 'timer.stopped',
          entityType: 'work_log',
          entityId: timerId,
          change: { reason: 'taken off the engagement' },
        });
      }
    }
    await this.record(actor, 'engagement.updated', id, { before: { name: before.name, status: before.status }, after: { ...dto } });
    return this.get(actor, id);
  }

  async acceptConfidentiality(actor: Actor, id: string): Promise<EngagementResponse> {
    const engagement = await this.findVisible(actor, id, true);
    if (!defineAbilityFor(actor).can('approve', { kind: 'Engagement', clientAccountId: engagement.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) can accept the confidentiality terms");
    }
    if (!engagement.confidentialityTerms) throw new ConflictException('This engagement has no confidentiality terms to accept');
    if (engagement.confidentialityAcceptedAt) throw new ConflictException('The confidentiality terms are already accepted');
    await this.repository.update(this.tenant.manager, actor.tenantId, id, {
      confidentialityAcceptedBy: actor.userId,
      confidentialityAcceptedAt: new Date(),
    });
    await this.record(actor, 'engagement.confidentiality_accepted', id, {});
    return this.get(actor, id);
  }

  async rates(actor: Actor, id: string): Promise<RateResponse[]> {
    await this.findVisible(actor, id);
    return (await this.repository.rates(this.tenant.manager, actor.tenantId, id)).map(presentRate);
  }

  async addRate(actor: Actor, id: string, dto: CreateRateDto): Promise<RateResponse> {
    const manager = this.tenant.manager;
    await this.findVisible(actor, id);
    const rateId = randomUUID();
    try {
      await this.repository.insertRate(manager, {
        tenantId: actor.tenantId,
        id: rateId,
        engagementId: id,
        effectiveFrom: dto.effectiveFrom,
        hourlyRate: dto.hourlyRate,
        createdBy: actor.userId,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A rate already starts on ${dto.effectiveFrom}`);
      throw error;
    }
    await this.record(actor, 'engagement.rate_added', id, { after: { ...dto } });
    return presentRate(await this.repository.rate(manager, actor.tenantId, rateId));
  }

  private async checkedStaff(actor: Actor, userIds: string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    const staff = await this.repository.staffIds(this.tenant.manager, actor.tenantId, unique);
    const unknown = unique.filter((id) => !staff.has(id));
    if (unknown.length)
      throw new BadRequestException(`assistantIds must be team members of this workspace; unknown: ${unknown.join(', ')}`);
    return unique;
  }

  private record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'engagement',
      entityId: id,
      change,
    });
  }

  private async present(actor: Actor, rows: Engagement[]): Promise<EngagementResponse[]> {
    const manager = this.tenant.manager;
    const ids = rows.map((r) => r.id);
    // One transaction is one connection: these run one after the other.
    const clients = await this.repository.clientNames(
      manager,
      actor.tenantId,
      rows.map((r) => r.clientAccountId),
    );
    const assistants = await this.repository.assistants(manager, actor.tenantId, ids);
    const rates = await this.repository.currentRates(manager, actor.tenantId, ids);
    const retainers = await this.repository.retainers(manager, actor.tenantId, ids);
    const acceptedBy: EngagementRelated['acceptedBy'] = new Map();
    for (const row of rows) {
      if (row.confidentialityAcceptedBy && !acceptedBy.has(row.confidentialityAcceptedBy)) {
        acceptedBy.set(row.confidentialityAcceptedBy, await this.repository.displayName(manager, row.confidentialityAcceptedBy));
      }
    }
    const related: EngagementRelated = { clients, assistants, rates, retainers, acceptedBy };
    return rows.map((row) => presentEngagement(row, related));
  }
}
