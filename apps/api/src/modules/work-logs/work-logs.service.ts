import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SqlParams, WorkLog, type Engagement } from '@candor/db';
import {
  defineAbilityFor,
  entrySpanProblem,
  isClientRole,
  isDisclosed,
  toWholeSecond,
  type Actor,
  type DisclosureStatus,
} from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { decodeCursor, encodeCursor } from '../../common/keyset-cursor';
import { foundInScope } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsService } from '../engagements/engagements.service';
import type { CreateAdjustmentDto } from './dto/create-adjustment.dto';
import type { CreateWorkLogDto } from './dto/create-work-log.dto';
import type { ListWorkLogsQuery } from './dto/list-work-logs.query';
import type { UpdateWorkLogDto } from './dto/update-work-log.dto';
import type { RevisionResponse, WorkLogPageResponse, WorkLogResponse } from './dto/work-log.response';
import { DisputeResolutionService } from './dispute-resolution.service';
import { RetainerAlertsService } from './retainer-alerts.service';
import { NewEntryRepository } from './new-entry.repository';
import { insertWorkLogComment } from './work-log-comment.writer';
import { presentRevision, presentWorkLog } from './work-log.presenter';
import { WorkLogsRepository, type WorkLogRow } from './work-logs.repository';

type Described = Pick<WorkLogRow, 'id' | 'source' | 'startedAt' | 'endedAt' | 'engagementName'>;

const describe = (row: Described) =>
  `${row.source === 'timer' ? 'timer' : 'entry'} ${row.id} (${row.startedAt.toISOString()} to ${row.endedAt?.toISOString() ?? 'now, still running'})`;

const overlaps = (other: Described) => new ConflictException(`This time overlaps your ${describe(other)} on "${other.engagementName}"`);

/** New time cannot land in a week the client already approved: that week is locked. */
const weekLocked = (week: string) =>
  new ConflictException(`The week starting ${week} is approved and locked; correct it with an adjusting entry`);

@Injectable()
export class WorkLogsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: WorkLogsRepository,
    private readonly engagements: EngagementsService,
    private readonly audit: AuditService,
    private readonly retainer: RetainerAlertsService,
    private readonly disputes: DisputeResolutionService,
    private readonly newEntries: NewEntryRepository,
  ) {}

  async list(actor: Actor, query: ListWorkLogsQuery): Promise<WorkLogPageResponse> {
    const limit = query.limit ?? 50;
    const client = isClientRole(actor.role);
    const rows = await this.repository.list(this.tenant.manager, await this.scopes.of(actor), {
      ...query,
      hideDrafts: client,
      after: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => presentWorkLog(actor, row)),
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.startedAt, id: last.id }) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<WorkLogResponse> {
    return presentWorkLog(actor, await this.findVisible(actor, id));
  }

  /** 404 for unknown entries, entries outside the actor's scope, and drafts a client cannot see yet. */
  async findVisible(actor: Actor, id: string, lock = false): Promise<WorkLogRow> {
    const row = await this.repository.findOne(this.tenant.manager, await this.scopes.of(actor), id, lock);
    const hidden = isClientRole(actor.role) && row?.status === 'draft';
    return foundInScope(hidden ? null : row, 'Work log');
  }

  async trail(actor: Actor, id: string): Promise<RevisionResponse[]> {
    await this.findVisible(actor, id);
    const revisions = await this.repository.revisions(this.tenant.manager, actor.tenantId, id);
    return revisions.map(presentRevision);
  }

  /**
   * A hand-written entry in two statements (see NewEntryRepository): the checks answer as they always
   * did, in the same order (404, 409 inactive, 400 span, fix time, 409 locked week, 409 overlap).
   */
  async createManual(actor: Actor, dto: CreateWorkLogDto): Promise<WorkLogResponse> {
    const manager = this.tenant.manager;
    const start = toWholeSecond(new Date(dto.startedAt));
    const end = toWholeSecond(new Date(dto.endedAt));
    const params = new SqlParams();
    const facts = await this.newEntries.facts(manager, params, {
      tenantId: actor.tenantId,
      assistantId: actor.userId,
      engagementId: dto.engagementId,
      startedAt: start,
      disclosureId: dto.disclosureId ?? null,
      inScope: await this.scopes.condition(actor, { engagementId: 'e.id', clientAccountId: 'e.client_account_id' }, params.bind),
    });
    const engagement = this.assertActive(foundInScope(facts.engagement, 'Engagement'));
    const problem = entrySpanProblem(start, end, new Date());
    if (problem) throw new BadRequestException(problem);
    if (dto.disclosureId) this.assertFixes(engagement.id, dto.billable, facts.fixes ?? undefined);
    if (!facts.hourlyRate) throw new Error(`engagement ${engagement.id} has no rate`);
    const outcome = await this.newEntries.insert(
      manager,
      {
        tenantId: actor.tenantId,
        id: randomUUID(),
        engagementId: engagement.id,
        clientAccountId: engagement.clientAccountId,
        assistantId: actor.userId,
        source: 'manual',
        status: 'draft',
        startedAt: start,
        endedAt: end,
        durationSeconds: (end.getTime() - start.getTime()) / 1000,
        notes: dto.notes?.trim() ?? '',
        billable: dto.disclosureId ? false : (dto.billable ?? true),
        hourlyRate: facts.hourlyRate,
        disclosureId: dto.disclosureId ?? null,
      },
      facts.weekStart,
      {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        action: 'work_log.created',
        entityType: 'work_log',
        change: { after: { ...dto } },
      },
    );
    if (outcome.weekStatus === 'approved') throw weekLocked(facts.weekStart);
    if (outcome.overlapping) throw overlaps(outcome.overlapping);
    if (!outcome.created) throw new Error('the entry was neither written nor refused');
    if (engagement.hasRetainer) await this.retainer.check(manager, actor.tenantId, engagement.id);
    return presentWorkLog(actor, outcome.created);
  }

  /**
   * Drafts change freely. A submitted or disputed entry changes only with a reason, and the change is
   * kept (before, after, who, when, why) for the client to see. A locked entry never changes.
   */
  async update(actor: Actor, id: string, dto: UpdateWorkLogDto): Promise<WorkLogResponse> {
    const manager = this.tenant.manager;
    const entry = await this.findChangeable(actor, id);
    const submitted = entry.status !== 'draft';
    if (submitted && !dto.reason) {
      throw new BadRequestException('reason is required to change a submitted entry: the client sees every change and why');
    }
    if (entry.source === 'adjustment' && (dto.startedAt || dto.endedAt)) {
      throw new BadRequestException('An adjusting entry has no start and end to change; add another adjusting entry instead');
    }
    const running = entry.source !== 'adjustment' && entry.endedAt === null;
    if (running && dto.endedAt) throw new ConflictException('This timer is still running; stop it instead of setting its end');

    const start = dto.startedAt ? toWholeSecond(new Date(dto.startedAt)) : entry.startedAt;
    const end = dto.endedAt ? toWholeSecond(new Date(dto.endedAt)) : entry.endedAt;
    const patch: Partial<WorkLog> = {};
    if (dto.startedAt || dto.endedAt) {
      const problem = entrySpanProblem(start, end, new Date());
      if (problem) throw new BadRequestException(problem);
      await this.repository.lockAssistant(manager, actor.tenantId, entry.assistantId);
      const oldWeek = await this.repository.weekStartOf(manager, actor.tenantId, entry.startedAt);
      const newWeek = await this.repository.weekStartOf(manager, actor.tenantId, start);
      if (submitted && oldWeek !== newWeek) {
        throw new ConflictException(
          `A submitted entry stays in its week (starting ${oldWeek}); log the time in the other week as a new entry`,
        );
      }
      if (!submitted) await this.assertWeekOpen(actor.tenantId, entry.engagementId, entry.assistantId, start);
      await this.assertNoOverlap(actor.tenantId, entry.assistantId, start, end, entry.id);
      if (start.getTime() !== entry.startedAt.getTime()) patch.startedAt = start;
      if (end && end.getTime() !== entry.endedAt?.getTime()) patch.endedAt = end;
      if (end) patch.durationSeconds = (end.getTime() - start.getTime()) / 1000;
    }
    if (dto.notes !== undefined && dto.notes.trim() !== entry.notes) patch.notes = dto.notes.trim();
    if (dto.billable !== undefined && dto.billable !== entry.billable) patch.billable = dto.billable;
    if (!patch.startedAt && !patch.endedAt) delete patch.durationSeconds;

    const keys = Object.keys(patch) as (keyof WorkLog)[];
    if (keys.length) {
      const before = Object.fromEntries(keys.map((k) => [k, entry[k]]));
      await this.repository.update(manager, actor.tenantId, id, patch);
      if (submitted) {
        await this.repository.insertRevision(manager, {
          tenantId: actor.tenantId,
          workLogId: id,
          changedBy: actor.userId,
          reason: dto.reason ?? '',
          before,
          after: patch,
        });
      }
      await this.record(actor, 'work_log.updated', id, { before, after: patch, reason: dto.reason ?? null });
      await this.retainer.check(manager, actor.tenantId, entry.engagementId);
    }
    if (entry.status === 'disputed' && entry.weekId) await this.disputes.resolve(manager, actor, id, entry.weekId);
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const entry = await this.findChangeable(actor, id);
    if (entry.status !== 'draft') {
      throw new ConflictException('Only draft entries can be deleted; correct a submitted entry with a reason instead');
    }
    await this.repository.delete(this.tenant.manager, actor.tenantId, id);
    await this.record(actor, 'work_log.deleted', id, {
      before: { startedAt: entry.startedAt, endedAt: entry.endedAt, notes: entry.notes },
    });
  }

  /** Staff answer a disputed entry without changing it: the reply goes to the client and the entry back for approval. */
  async replyToDispute(actor: Actor, id: string, body: string): Promise<WorkLogResponse> {
    const entry = await this.findVisible(actor, id, true);
    this.assertMayChange(actor, entry);
    if (entry.status !== 'disputed' || !entry.weekId) throw new ConflictException('This entry is not disputed; add a comment instead');
    await insertWorkLogComment(this.tenant.manager, actor, id, 'dispute_reply', body);
    await this.disputes.resolve(this.tenant.manager, actor, id, entry.weekId);
    await this.record(actor, 'work_log.dispute_answered', id, { reply: body });
    return this.get(actor, id);
  }

  /** A locked entry is corrected by a new entry of plus or minus some minutes, noted in the original's trail. */
  async adjust(actor: Actor, id: string, dto: CreateAdjustmentDto): Promise<WorkLogResponse> {
    const manager = this.tenant.manager;
    const original = await this.findVisible(actor, id, true);
    this.assertMayChange(actor, original);
    if (original.status !== 'locked') {
      throw new ConflictException('Only entries of an approved week take adjusting entries; this one can still be edited with a reason');
    }
    await this.repository.lockAssistant(manager, actor.tenantId, original.assistantId);
    const seconds = await this.repository.secondsWithAdjustments(manager, actor.tenantId, id);
    if (seconds + dto.minutes * 60 < 0) {
      throw new BadRequestException(
        `This would take off more time than was logged (${Math.floor(seconds / 60)} minutes left on the entry)`,
      );
    }
    const now = toWholeSecond(new Date());
    await this.assertWeekOpen(actor.tenantId, original.engagementId, original.assistantId, now);
    const adjustmentId = randomUUID();
    await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      id: adjustmentId,
      engagementId: original.engagementId,
      clientAccountId: original.clientAccountId,
      assistantId: original.assistantId,
      source: 'adjustment',
      status: 'draft',
      startedAt: now,
      endedAt: null,
      durationSeconds: dto.minutes * 60,
      notes: dto.notes.trim(),
      billable: original.billable,
      hourlyRate: original.hourlyRate,
      adjustsId: id,
      disclosureId: original.disclosureId,
    });
    await this.repository.insertRevision(manager, {
      tenantId: actor.tenantId,
      workLogId: id,
      changedBy: actor.userId,
      reason: dto.reason,
      before: { durationSeconds: original.durationSeconds },
      after: { adjustedBy: adjustmentId, adjustmentMinutes: dto.minutes },
    });
    await this.record(actor, 'work_log.adjusted', id, { adjustmentId, minutes: dto.minutes, reason: dto.reason });
    await this.retainer.check(manager, actor.tenantId, original.engagementId);
    return this.get(actor, adjustmentId);
  }

  /** The engagement, if the caller may log time on it: 404 outside their scope (an assistant's: assigned ones), 409 if not active. */
  async loggableEngagement(actor: Actor, engagementId: string): Promise<Engagement> {
    return this.assertActive(await this.engagements.findVisible(actor, engagementId));
  }

  private assertActive<T extends Pick<Engagement, 'status'>>(engagement: T): T {
    if (engagement.status !== 'active') {
      throw new ConflictException(`This engagement is ${engagement.status}; time can be logged on active engagements only`);
    }
    return engagement;
  }

  /** Fix time belongs to a disclosed error of the same engagement, and our own errors are never billed. */
  async assertFixable(tenantId: string, engagementId: string, disclosureId: string, billable: boolean | undefined): Promise<void> {
    this.assertFixes(engagementId, billable, await this.repository.disclosure(this.tenant.manager, tenantId, disclosureId));
  }

  private assertFixes(
    engagementId: string,
    billable: boolean | undefined,
    disclosure: { engagementId: string; status: DisclosureStatus } | undefined,
  ): void {
    if (billable) throw new BadRequestException('Time spent fixing our own error is never billed; leave billable out or false');
    if (!disclosure || disclosure.engagementId !== engagementId)
      throw new BadRequestException('disclosureId must be a disclosure of this engagement');
    if (!isDisclosed(disclosure.status)) {
      throw new ConflictException('Disclose the error to the client before logging time to fix it');
    }
  }

  async assertNoOverlap(tenantId: string, assistantId: string, start: Date, end: Date | null, excludeId: string | null): Promise<void> {
    const other = await this.repository.overlapping(this.tenant.manager, tenantId, assistantId, start, end, excludeId);
    if (other) throw overlaps(other);
  }

  /** New time cannot land in a week the client already approved: that week is locked. */
  async assertWeekOpen(tenantId: string, engagementId: string, assistantId: string, at: Date): Promise<void> {
    const week = await this.repository.weekStartOf(this.tenant.manager, tenantId, at);
    if ((await this.repository.weekStatus(this.tenant.manager, tenantId, engagementId, assistantId, week)) === 'approved')
      throw weekLocked(week);
  }

  private async findChangeable(actor: Actor, id: string): Promise<WorkLogRow> {
    const entry = await this.findVisible(actor, id, true);
    this.assertMayChange(actor, entry);
    if (entry.status === 'locked') {
      throw new ConflictException(
        'This entry is in an approved week and locked; add an adjusting entry instead (POST /work-logs/:id/adjustments)',
      );
    }
    return entry;
  }

  private assertMayChange(actor: Actor, entry: WorkLogRow): void {
    if (
      !defineAbilityFor(actor).can('update', { kind: 'WorkLog', clientAccountId: entry.clientAccountId, assistantId: entry.assistantId })
    ) {
      throw new ForbiddenException('You can change your own entries only');
    }
  }

  private record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'work_log',
      entityId: id,
      change,
    });
  }
}
