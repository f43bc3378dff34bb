import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Engagement, EngagementRate } from '@candor/db';
import { defineAbilityFor, tenantSettings, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { isUniqueViolation } from '../../common/database-errors';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import type { CreateEngagementDto } from './dto/create-engagement.dto';
import type { CreateRateDto } from './dto/create-rate.dto';
import type { EngagementResponse, RateResponse } from './dto/engagement.response';
import type { ListEngagementsQuery } from './dto/list-engagements.query';
import type { UpdateEngagementDto } from './dto/update-engagement.dto';
import { EngagementsRepository } from './engagements.repository';

const rateResponse = (r: EngagementRate): RateResponse => ({
  id: r.id,
  hourlyRate: r.hourlyRate,
  effectiveFrom: r.effectiveFrom,
  createdAt: r.createdAt,
});

@Injectable()
export class EngagementsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: EngagementsRepository,
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
    const row = await this.repository.findOne(this.tenant.manager, await this.scopes.of(actor), id, lock);
    if (!row) throw new NotFoundException('Engagement not found');
    return row;
  }

  async create(actor: Actor, dto: CreateEngagementDto): Promise<EngagementResponse> {
    const manager = this.tenant.manager;
    const client = await manager.query<unknown[]>(`SELECT 1 FROM client_accounts WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, dto.clientAccountId]);
    if (!client.length) throw new NotFoundException('Client account not found');
    const assistantIds = await this.checkedStaff(actor, dto.assistantIds ?? []);
    const engagement = manager.create(Engagement, {
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
      workingAgreement: { ...dto.workingAgreement },
      confidentialityTerms: dto.confidentialityTerms ?? null,
      confidentialityAcceptedBy: null,
      confidentialityAcceptedAt: null,
    });
    await manager.insert(Engagement, engagement);
    await this.repository.replaceAssistants(manager, actor.tenantId, engagement.id, assistantIds);
    // The first rate applies from today; time logged earlier falls back to it as the earliest rate.
    await manager.query(
      `INSERT INTO engagement_rates (tenant_id, id, engagement_id, effective_from, hourly_rate, created_by)
       SELECT $1, $2, $3, (now() AT TIME ZONE t.time_zone)::date, $4, $5 FROM tenants t WHERE t.id = $1`,
      [actor.tenantId, randomUUID(), engagement.id, dto.hourlyRate, actor.userId],
    );
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
    if (Object.keys(patch).length) await manager.update(Engagement, { tenantId: actor.tenantId, id }, patch);
    if (assistantIds) {
      const kept = await this.checkedStaff(actor, assistantIds);
      const removed = (await this.repository.assistants(manager, actor.tenantId, [id])).get(id)?.map((p) => p.id).filter((u) => !kept.includes(u)) ?? [];
      await this.repository.replaceAssistants(manager, actor.tenantId, id, kept);
      const [{ settings }]: { settings: Record<string, unknown> }[] = await manager.query(`SELECT settings FROM tenants WHERE id = $1`, [actor.tenantId]);
      for (const timerId of await this.repository.stopTimersOf(manager, actor.tenantId, id, removed, tenantSettings(settings).timerLimitHours)) {
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
    await this.tenant.manager.update(
      Engagement,
      { tenantId: actor.tenantId, id },
      { confidentialityAcceptedBy: actor.userId, confidentialityAcceptedAt: new Date() },
    );
    await this.record(actor, 'engagement.confidentiality_accepted', id, {});
    return this.get(actor, id);
  }

  async rates(actor: Actor, id: string): Promise<RateResponse[]> {
    await this.findVisible(actor, id);
    return (await this.repository.rates(this.tenant.manager, actor.tenantId, id)).map(rateResponse);
  }

  async addRate(actor: Actor, id: string, dto: CreateRateDto): Promise<RateResponse> {
    const manager = this.tenant.manager;
    await this.findVisible(actor, id);
    const rate = manager.create(EngagementRate, {
      tenantId: actor.tenantId,
      id: randomUUID(),
      engagementId: id,
      effectiveFrom: dto.effectiveFrom,
      hourlyRate: dto.hourlyRate,
      createdBy: actor.userId,
    });
    try {
      await manager.insert(EngagementRate, rate);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictException(`A rate already starts on ${dto.effectiveFrom}`);
      throw error;
    }
    await this.record(actor, 'engagement.rate_added', id, { after: { ...dto } });
    const saved = await manager.findOneByOrFail(EngagementRate, { tenantId: actor.tenantId, id: rate.id });
    return rateResponse(saved);
  }

  private async checkedStaff(actor: Actor, userIds: string[]): Promise<string[]> {
    const unique = [...new Set(userIds)];
    const staff = await this.repository.staffIds(this.tenant.manager, actor.tenantId, unique);
    const unknown = unique.filter((id) => !staff.has(id));
    if (unknown.length) throw new BadRequestException(`assistantIds must be team members of this workspace; unknown: ${unknown.join(', ')}`);
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
    const clients = await this.repository.clientNames(manager, actor.tenantId, rows.map((r) => r.clientAccountId));
    const assistants = await this.repository.assistants(manager, actor.tenantId, ids);
    const rates = await this.repository.currentRates(manager, actor.tenantId, ids);
    const retainers = await this.repository.retainers(manager, actor.tenantId, ids);
    const acceptedBy = new Map<string, { id: string; displayName: string } | null>();
    for (const row of rows) {
      if (row.confidentialityAcceptedBy && !acceptedBy.has(row.confidentialityAcceptedBy)) {
        acceptedBy.set(row.confidentialityAcceptedBy, await this.repository.displayName(manager, row.confidentialityAcceptedBy));
      }
    }
    return rows.map((row) => {
      const rate = rates.get(row.id);
      return {
        id: row.id,
        clientAccountId: row.clientAccountId,
        clientName: clients.get(row.clientAccountId) ?? '',
        name: row.name,
        description: row.description,
        status: row.status,
        currency: row.currency,
        currentRate: rate ? rateResponse(rate) : null,
        includedRevisionRounds: row.includedRevisionRounds,
        deadline: row.deadline,
        retainer: retainers.get(row.id) ?? null,
        workingAgreement: row.workingAgreement,
        confidentiality: {
          terms: row.confidentialityTerms,
          acceptedAt: row.confidentialityAcceptedAt,
          acceptedBy: row.confidentialityAcceptedBy ? (acceptedBy.get(row.confidentialityAcceptedBy) ?? null) : null,
        },
        assistants: assistants.get(row.id) ?? [],
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    });
  }
}
