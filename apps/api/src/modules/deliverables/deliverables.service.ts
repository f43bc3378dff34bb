import { BadRequestException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor, WebhookEventType } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { ScopedLookup } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { EngagementsService } from '../engagements/engagements.service';
import { TenantRepository } from '../tenant/tenant.repository';
import { WebhookEvents } from '../webhooks/webhook-events';
import { presentDeliverable, presentForStaff } from './deliverable.presenter';
import { DeliverablesRepository, type DeliverableRow } from './deliverables.repository';
import type { CreateDeliverableDto } from './dto/create-deliverable.dto';
import type { DeliverableClientResponse, DeliverableStaffResponse } from './dto/deliverable.response';
import type { ListDeliverablesQuery } from './dto/list-deliverables.query';
import type { UpdateDeliverableDto } from './dto/update-deliverable.dto';

export type DeliverableResponse = DeliverableClientResponse | DeliverableStaffResponse;

/** Creating, reading and editing deliverables; versions and reviews live in their own services. */
@Injectable()
export class DeliverablesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly lookup: ScopedLookup,
    private readonly repository: DeliverablesRepository,
    private readonly engagements: EngagementsService,
    private readonly engagementsRepository: EngagementsRepository,
    private readonly tenants: TenantRepository,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Tells the tenant's webhook endpoints, with the deliverable as the team sees it now. */
  async announce(actor: Actor, id: string, type: WebhookEventType): Promise<void> {
    await this.webhooks.emit(this.tenant.manager, actor.tenantId, type, presentForStaff(await this.findVisible(actor, id)));
  }

  async list(actor: Actor, query: ListDeliverablesQuery): Promise<DeliverableResponse[]> {
    const rows = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), { ...query, limit: 500 });
    const facts = await this.tenants.facts(this.tenant.manager, actor.tenantId);
    return rows.map((r) => presentDeliverable(actor, facts, r));
  }

  async get(actor: Actor, id: string): Promise<DeliverableResponse> {
    const row = await this.findVisible(actor, id);
    const manager = this.tenant.manager;
    const versions = await this.repository.versions(manager, actor.tenantId, id);
    const detail = {
      versions,
      files: await this.repository.files(manager, await this.scopes.of(actor), { deliverableId: id }),
      requests: await this.repository.revisionRequests(manager, await this.scopes.of(actor), { deliverableId: id }),
    };
    return presentDeliverable(actor, await this.tenants.facts(manager, actor.tenantId), row, detail);
  }

  async create(actor: Actor, dto: CreateDeliverableDto): Promise<DeliverableResponse> {
    const engagement = await this.engagements.findVisible(actor, dto.engagementId);
    if (dto.assigneeId) await this.assertStaff(actor, dto.assigneeId);
    assertDueAhead(dto.dueAt);
    const id = randomUUID();
    await this.repository.insert(this.tenant.manager, {
      tenantId: actor.tenantId,
      id,
      engagementId: engagement.id,
      clientAccountId: engagement.clientAccountId,
      title: dto.title.trim(),
      description: dto.description?.trim() ?? '',
      assigneeId: dto.assigneeId ?? null,
      dueAt: dto.dueAt ?? null,
      createdBy: actor.userId,
    });
    await this.record(actor, 'created', id, { after: { ...dto } });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateDeliverableDto): Promise<DeliverableResponse> {
    const before = await this.findWorkable(actor, id, true);
    if (dto.assigneeId) await this.assertStaff(actor, dto.assigneeId);
    const dueChanged =
      dto.dueAt !== undefined && (dto.dueAt === null ? before.dueAt !== null : before.dueAt?.getTime() !== new Date(dto.dueAt).getTime());
    if (dueChanged) assertDueAhead(dto.dueAt);
    await this.repository.update(this.tenant.manager, actor.tenantId, id, {
      title: dto.title?.trim(),
      description: dto.description?.trim(),
      assigneeId: dto.assigneeId,
      ...(dueChanged && { dueAt: dto.dueAt ?? null }),
    });
    await this.record(actor, 'updated', id, {
      before: { title: before.title, assigneeId: before.assigneeId, dueAt: before.dueAt },
      after: { ...dto },
    });
    return this.get(actor, id);
  }

  /** A deliverable in the caller's scope: 404 for another tenant's, another client's, or (assistants) an engagement not theirs. */
  findVisible(actor: Actor, id: string): Promise<DeliverableRow> {
    return this.lookup.visible(actor, this.repository, id, 'Deliverable');
  }

  /** A deliverable the caller works on as staff, optionally locked; clients get 403 after the 404 check. */
  findWorkable(actor: Actor, id: string, lock = false): Promise<DeliverableRow> {
    return this.lookup.workable(actor, this.repository, id, 'Deliverable', lock);
  }

  /** Every step of a deliverable is an audit event, in the request's transaction. */
  record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: `deliverable.${action}`,
      entityType: 'deliverable',
      entityId: id,
      change,
    });
  }

  private async assertStaff(actor: Actor, userId: string): Promise<void> {
    const staff = await this.engagementsRepository.staffIds(this.tenant.manager, actor.tenantId, [userId]);
    if (!staff.has(userId)) throw new BadRequestException('assigneeId must be a team member of this workspace');
  }
}

/** A due date is a promise about the future: one already past would be late the moment it is planned. */
function assertDueAhead(dueAt: string | null | undefined): void {
  if (dueAt && new Date(dueAt).getTime() <= Date.now()) {
    throw new BadRequestException('dueAt is in the past: choose a due date and time that is still ahead');
  }
}
