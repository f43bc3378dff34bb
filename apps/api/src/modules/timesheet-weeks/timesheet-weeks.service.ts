import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SHORT_ENTRY_SECONDS, defineAbilityFor, type Actor, type WebhookEventType } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { ScopedLookup } from '../../common/scoped-lookup';
import { PortalLinks } from '../../common/portal-links';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { EngagementsService } from '../engagements/engagements.service';
import { OutboxService, type NoticeTemplate } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';
import { TenantRepository } from '../tenant/tenant.repository';
import { DisputeResolutionService } from '../work-logs/dispute-resolution.service';
import { insertWorkLogComment } from '../work-logs/work-log-comment.writer';
import { presentWorkLog } from '../work-logs/work-log.presenter';
import { WorkLogsRepository } from '../work-logs/work-logs.repository';
import type { DisputeWeekDto } from './dto/dispute-week.dto';
import type { ListWeeksQuery } from './dto/list-weeks.query';
import type { SubmitWeekDto } from './dto/submit-week.dto';
import type { WeekResponse } from './dto/week.response';
import { WebhookEvents } from '../webhooks/webhook-events';
import { presentWeek } from './timesheet-week.presenter';
import { TimesheetWeeksRepository, type WeekRow } from './timesheet-weeks.repository';

/** Submit a week -> the client approves it or disputes entries -> staff answer -> approved weeks lock. */
@Injectable()
export class TimesheetWeeksService {
  constructor(
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly lookup: ScopedLookup,
    private readonly repository: TimesheetWeeksRepository,
    private readonly workLogs: WorkLogsRepository,
    private readonly engagements: EngagementsService,
    private readonly engagementsRepository: EngagementsRepository,
    private readonly tenants: TenantRepository,
    private readonly disputes: DisputeResolutionService,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookEvents,
  ) {}

  async list(actor: Actor, query: ListWeeksQuery): Promise<WeekResponse[]> {
    const rows = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), query);
    return rows.map(presentWeek);
  }

  async get(actor: Actor, id: string): Promise<WeekResponse> {
    const week = await this.findVisible(actor, id);
    const entries = await this.workLogs.byWeek(this.tenant.manager, await this.scopes.of(actor), id);
    return { ...presentWeek(week), entries: entries.map((row) => presentWorkLog(actor, row)) };
  }

  async submit(actor: Actor, dto: SubmitWeekDto): Promise<WeekResponse> {
    const manager = this.tenant.manager;
    const assistantId = dto.assistantId ?? actor.userId;
    if (actor.role === 'assistant' && assistantId !== actor.userId) throw new ForbiddenException('You can submit your own weeks only');
    const engagement = await this.engagements.findVisible(actor, dto.engagementId);
    await this.workLogs.lockAssistant(manager, actor.tenantId, assistantId);
    const existing = await this.repository.findLocked(manager, actor.tenantId, engagement.id, assistantId, dto.weekStart);
    if (existing?.status === 'approved') throw new ConflictException(`The week starting ${dto.weekStart} is already approved and locked`);

    const { from, to } = await this.repository.weekBounds(manager, actor.tenantId, dto.weekStart);
    const drafts = await this.workLogs.draftsBetween(manager, actor.tenantId, engagement.id, assistantId, from, to);
    const running = drafts.find((d) => d.source !== 'adjustment' && d.endedAt === null);
    if (running) throw new ConflictException(`Stop the timer started ${running.startedAt.toISOString()} before submitting this week`);
    const withoutNotes = drafts.filter((d) => !d.notes.trim());
    if (withoutNotes.length) {
      const list = withoutNotes.map((d) => `${d.startedAt.toISOString()} (${d.id})`).join(', ');
      throw new BadRequestException(`Every entry needs notes of what was done before the week is submitted; missing on: ${list}`);
    }
    if (!drafts.length) throw new ConflictException(`There is no new time to submit for the week starting ${dto.weekStart}`);
    if (drafts.every((d) => d.source !== 'adjustment' && Math.abs(d.seconds ?? 0) < SHORT_ENTRY_SECONDS)) {
      throw new BadRequestException(
        `The week starting ${dto.weekStart} has no time to submit: every new entry is shorter than a minute (0:00 h). Correct their times or delete them`,
      );
    }

    const weekId = existing?.id ?? randomUUID();
    if (existing) await this.repository.resubmit(manager, actor.tenantId, weekId, actor.userId);
    else
      await this.repository.insertSubmitted(manager, {
        tenantId: actor.tenantId,
        id: weekId,
        engagementId: engagement.id,
        assistantId,
        weekStart: dto.weekStart,
        submittedBy: actor.userId,
      });
    await this.workLogs.submitToWeek(
      manager,
      actor.tenantId,
      weekId,
      drafts.map((d) => d.id),
    );
    await this.record(actor, 'timesheet_week.submitted', weekId, { weekStart: dto.weekStart, entries: drafts.length });
    await this.disputes.notifyClient(manager, actor.tenantId, weekId, existing !== undefined);
    await this.announce(actor, weekId, 'week.submitted');
    return this.get(actor, weekId);
  }

  async approve(actor: Actor, id: string): Promise<WeekResponse> {
    const manager = this.tenant.manager;
    const week = await this.findDecidable(actor, id);
    if (week.status === 'disputed') {
      throw new ConflictException(
        'Some entries of this week are still disputed; the team answers them first, then the week can be approved',
      );
    }
    await this.workLogs.lockWeek(manager, actor.tenantId, id);
    await this.repository.approve(manager, actor.tenantId, id, actor.userId);
    await this.record(actor, 'timesheet_week.approved', id, {});
    await this.notifyTeam(actor, week, 'week_approved', {});
    await this.announce(actor, id, 'week.approved');
    return this.get(actor, id);
  }

  async dispute(actor: Actor, id: string, dto: DisputeWeekDto): Promise<WeekResponse> {
    const manager = this.tenant.manager;
    const week = await this.findDecidable(actor, id);
    const entries = new Map((await this.workLogs.byWeek(manager, await this.scopes.of(actor), id)).map((e) => [e.id, e]));
    for (const { workLogId } of dto.entries) {
      const entry = entries.get(workLogId);
      if (!entry) throw new BadRequestException(`Entry ${workLogId} is not part of this week`);
      if (entry.status !== 'submitted') throw new ConflictException(`Entry ${workLogId} is already disputed; the team will answer it`);
    }
    for (const { workLogId, comment } of dto.entries) {
      await this.workLogs.setStatus(manager, actor.tenantId, workLogId, 'disputed');
      await insertWorkLogComment(manager, actor, workLogId, 'dispute', comment);
    }
    await this.repository.setDisputed(manager, actor.tenantId, id);
    await this.record(actor, 'timesheet_week.disputed', id, { entries: dto.entries });
    await this.notifyTeam(actor, week, 'week_disputed', {
      disputedCount: dto.entries.length,
      comments: dto.entries.map((e) => e.comment.trim()).join('\n'),
    });
    await this.announce(actor, id, 'week.disputed');
    return this.get(actor, id);
  }

  /** Tells the tenant's webhook endpoints, with the week as it is now. */
  private async announce(actor: Actor, id: string, type: WebhookEventType): Promise<void> {
    await this.webhooks.emit(this.tenant.manager, actor.tenantId, type, presentWeek(await this.findVisible(actor, id)));
  }

  /** 404 for unknown weeks and for weeks outside the actor's scope. */
  private findVisible(actor: Actor, id: string): Promise<WeekRow> {
    return this.lookup.visible(actor, this.repository, id, 'Week');
  }

  /** A week the caller may approve or dispute, locked for the decision. */
  private async findDecidable(actor: Actor, id: string): Promise<WeekRow> {
    const visible = await this.findVisible(actor, id);
    if (!defineAbilityFor(actor).can('approve', { kind: 'TimesheetWeek', clientAccountId: visible.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) approves or disputes a week");
    }
    const week = await this.lookup.locked(actor, this.repository, id, 'Week');
    if (week.status === 'approved') throw new ConflictException('This week is already approved and locked');
    return week;
  }

  private async notifyTeam(actor: Actor, week: WeekRow, template: NoticeTemplate, extra: Record<string, unknown>): Promise<void> {
    const manager = this.tenant.manager;
    const recipients = RecipientsService.distinct(
      await this.recipients.users(manager, actor.tenantId, [week.assistantId]),
      await this.recipients.managers(manager, actor.tenantId),
    );
    const tenantName = (await this.tenants.facts(manager, actor.tenantId)).name;
    const clientName =
      (await this.engagementsRepository.clientNames(manager, actor.tenantId, [week.clientAccountId])).get(week.clientAccountId) ?? '';
    await this.outbox.addForEach(manager, actor.tenantId, recipients, template, {
      tenantName,
      clientName,
      engagementName: week.engagementName,
      assistantName: week.assistantName,
      weekStart: week.weekStart,
      url: await this.links.url(manager, actor.tenantId, `/engagements/${week.engagementId}/weeks/${week.id}`),
      ...extra,
    });
  }

  private record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'timesheet_week',
      entityId: id,
      change,
    });
  }
}
