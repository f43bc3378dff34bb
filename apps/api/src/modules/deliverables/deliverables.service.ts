import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isClientRole, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { EngagementsService } from '../engagements/engagements.service';
import { presentForClient, presentForStaff } from './deliverable.presenter';
import { DeliverableNotifier } from './deliverable.notifier';
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
    private readonly repository: DeliverablesRepository,
    private readonly engagements: EngagementsService,
    private readonly engagementsRepository: EngagementsRepository,
    private readonly notifier: DeliverableNotifier,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListDeliverablesQuery): Promise<DeliverableResponse[]> {
    const rows = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), { ...query, limit: 500 });
    const facts = await this.notifier.tenantFacts(actor.tenantId);
    return rows.map((r) =>
      isClientRole(actor.role) ? presentForClient(r, { teamName: facts.teamName, showStaffNames: facts.settings.showStaffNames }) : presentForStaff(r),
    );
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
    if (!isClientRole(actor.role)) return presentForStaff(row, detail);
    const facts = await this.notifier.tenantFacts(actor.tenantId);
    return presentForClient(row, { teamName: facts.teamName, showStaffNames: facts.settings.showStaffNames }, detail);
  }

  async create(actor: Actor, dto: CreateDeliverableDto): Promise<DeliverableResponse> {
    const engagement = await this.engagements.findVisible(actor, dto.engagementId);
    if (dto.assigneeId) await this.assertStaff(actor, dto.assigneeId);
    assertDueAhead(dto.dueAt);
    const id = randomUUID();
    await this.tenant.manager.query(
      `INSERT INTO deliverables (tenant_id, id, engagement_id, client_account_id, title, description, assignee_id, due_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [actor.tenantId, id, engagement.id, engagement.clientAccountId, dto.title.trim(), dto.description?.trim() ?? '', dto.assigneeId ?? null, dto.dueAt ?? null, actor.userId],
    );
    await this.record(actor, 'created', id, { after: { ...dto } });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateDeliverableDto): Promise<DeliverableResponse> {
    const before = await this.findWorkable(actor, id, true);
    if (dto.assigneeId) await this.assertStaff(actor, dto.assigneeId);
    const sets: string[] = [];
    const params: unknown[] = [actor.tenantId, id];
    const set = (column: string, value: unknown) => sets.push(`${column} = $${params.push(value)}`);
    if (dto.title !== undefined) set('title', dto.title.trim());
    if (dto.description !== undefined) set('description', dto.description.trim());
    if (dto.assigneeId !== undefined) set('assignee_id', dto.assigneeId);
    const dueChanged = dto.dueAt !== undefined && (dto.dueAt === null ? before.dueAt !== null : before.dueAt?.getTime() !== new Date(dto.dueAt).getTime());
    if (dueChanged) {
      assertDueAhead(dto.dueAt);
      set('due_at', dto.dueAt);
      // A new due date is a new promise: its reminder and its late notice may go out again.
      sets.push('due_reminded_at = NULL', 'late_at = NULL', 'late_notified_at = NULL');
    }
    if (sets.length) {
      await this.tenant.manager.query(`UPDATE deliverables SET ${sets.join(', ')}, updated_at = now() WHERE tenant_id = $1 AND id = $2`, params);
    }
    await this.record(actor, 'updated', id, { before: { title: before.title, assigneeId: before.assigneeId, dueAt: before.dueAt }, after: { ...dto } });
    return this.get(actor, id);
  }

  /** A deliverable in the caller's scope: 404 for another tenant's, another client's, or (assistants) an engagement not theirs. */
  async findVisible(actor: Actor, id: string): Promise<DeliverableRow> {
    const [row] = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), { id });
    if (!row) throw new NotFoundException('Deliverable not found');
    return row;
  }

  /** A deliverable the caller works on as staff, optionally locked; clients get 403 after the 404 check. */
  async findWorkable(actor: Actor, id: string, lock = false): Promise<DeliverableRow> {
    const visible = await this.findVisible(actor, id);
    if (isClientRole(actor.role)) throw new ForbiddenException('Only the team changes a deliverable');
    if (!lock) return visible;
    await this.repository.lock(this.tenant.manager, actor.tenantId, id);
    return this.findVisible(actor, id);
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
