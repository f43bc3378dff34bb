import { BadRequestException, ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SHORT_ENTRY_SECONDS, defineAbilityFor, hoursFor, type Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { EngagementsService } from '../engagements/engagements.service';
import { OutboxService, type NoticeTemplate } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';
import { DisputeResolutionService } from '../work-logs/dispute-resolution.service';
import { insertWorkLogComment } from '../work-logs/work-log-comment.writer';
import { presentWorkLog } from '../work-logs/work-log.presenter';
import { WorkLogsRepository } from '../work-logs/work-logs.repository';
import type { DisputeWeekDto } from './dto/dispute-week.dto';
import type { ListWeeksQuery } from './dto/list-weeks.query';
import type { SubmitWeekDto } from './dto/submit-week.dto';
import type { WeekResponse } from './dto/week.response';
import { TimesheetWeeksRepository, type WeekRow } from './timesheet-weeks.repository';

const present = (row: WeekRow): WeekResponse => ({
  id: row.id,
  engagementId: row.engagementId,
  engagementName: row.engagementName,
  assistant: { id: row.assistantId, displayName: row.assistantName },
  weekStart: row.weekStart,
  status: row.status,
  submittedAt: row.submittedAt,
  decidedAt: row.decidedAt,
  totalHours: hoursFor(Number(row.totalSeconds)),
  billableHours: hoursFor(Number(row.billableSeconds)),
  billableAmount: Number(row.billableAmount) === 0 ? '0.00' : row.billableAmount,
  currency: row.currency,
});

/** Submit a week -> the client approves it or disputes entries -> staff answer -> approved weeks lock. */
@Injectable()
export class TimesheetWeeksService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: TimesheetWeeksRepository,
    private readonly workLogs: WorkLogsRepository,
    private readonly engagements: EngagementsService,
    private readonly disputes: DisputeResolutionService,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: ListWeeksQuery): Promise<WeekResponse[]> {
    const rows = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), query);
    return rows.map(present);
  }

  async get(actor: Actor, id: string): Promise<WeekResponse> {
    const week = await this.findVisible(actor, id);
    const entries = await this.workLogs.byWeek(this.tenant.manager, await this.scopes.of(actor), id);
    return { ...present(week), entries: entries.map((row) => presentWorkLog(actor, row)) };
  }

  async submit(actor: Actor, dto: SubmitWeekDto): Promise<WeekResponse> {
    const manager = this.tenant.manager;
    const assistantId = dto.assistantId ?? actor.userId;
    if (actor.role === 'assistant' && assistantId !== actor.userId) throw new ForbiddenException('You can submit your own weeks only');
    const engagement = await this.engagements.findVisible(actor, dto.engagementId);
    await this.workLogs.lockAssistant(manager, actor.tenantId, assistantId);
    const [existing]: { id: string; status: string }[] = await manager.query(
      `SELECT id, status FROM timesheet_weeks WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND week_start = $4 FOR UPDATE`,
      [actor.tenantId, engagement.id, assistantId, dto.weekStart],
    );
    if (existing?.status === 'approved') throw new ConflictException(`The week starting ${dto.weekStart} is already approved and locked`);

    const { from, to } = await this.repository.weekBounds(manager, actor.tenantId, dto.weekStart);
    const drafts: { id: string; startedAt: Date; endedAt: Date | null; source: string; notes: string; seconds: number | null }[] = await manager.query(
      `SELECT id, started_at AS "startedAt", ended_at AS "endedAt", source, notes, duration_seconds AS seconds FROM work_logs
       WHERE tenant_id = $1 AND engagement_id = $2 AND assistant_id = $3 AND status = 'draft' AND started_at >= $4 AND started_at < $5
       ORDER BY started_at`,
      [actor.tenantId, engagement.id, assistantId, from, to],
    );
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
    if (existing) {
      await manager.query(`UPDATE timesheet_weeks SET submitted_at = now(), submitted_by = $3 WHERE tenant_id = $1 AND id = $2`, [
        actor.tenantId,
        weekId,
        actor.userId,
      ]);
    } else {
      await manager.query(
        `INSERT INTO timesheet_weeks (tenant_id, id, engagement_id, assistant_id, week_start, status, submitted_by, submitted_at)
         VALUES ($1, $2, $3, $4, $5, 'submitted', $6, now())`,
        [actor.tenantId, weekId, engagement.id, assistantId, dto.weekStart, actor.userId],
      );
    }
    await manager.query(`UPDATE work_logs SET status = 'submitted', week_id = $2, updated_at = now() WHERE tenant_id = $1 AND id = ANY($3::uuid[])`, [
      actor.tenantId,
      weekId,
      drafts.map((d) => d.id),
    ]);
    await this.record(actor, 'timesheet_week.submitted', weekId, { weekStart: dto.weekStart, entries: drafts.length });
    await this.disputes.notifyClient(manager, actor.tenantId, weekId, existing !== undefined);
    return this.get(actor, weekId);
  }

  async approve(actor: Actor, id: string): Promise<WeekResponse> {
    const manager = this.tenant.manager;
    const week = await this.findDecidable(actor, id);
    if (week.status === 'disputed') {
      throw new ConflictException('Some entries of this week are still disputed; the team answers them first, then the week can be approved');
    }
    await manager.query(`UPDATE work_logs SET status = 'locked', updated_at = now() WHERE tenant_id = $1 AND week_id = $2 AND status = 'submitted'`, [
      actor.tenantId,
      id,
    ]);
    await manager.query(`UPDATE timesheet_weeks SET status = 'approved', decided_by = $3, decided_at = now() WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      id,
      actor.userId,
    ]);
    await this.record(actor, 'timesheet_week.approved', id, {});
    await this.notifyTeam(actor, week, 'week_approved', {});
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
      await manager.query(`UPDATE work_logs SET status = 'disputed', updated_at = now() WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, workLogId]);
      await insertWorkLogComment(manager, actor, workLogId, 'dispute', comment);
    }
    await manager.query(`UPDATE timesheet_weeks SET status = 'disputed' WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id]);
    await this.record(actor, 'timesheet_week.disputed', id, { entries: dto.entries });
    await this.notifyTeam(actor, week, 'week_disputed', {
      disputedCount: dto.entries.length,
      comments: dto.entries.map((e) => e.comment.trim()).join('\n'),
    });
    return this.get(actor, id);
  }

  /** 404 for unknown weeks and for weeks outside the actor's scope. */
  private async findVisible(actor: Actor, id: string): Promise<WeekRow> {
    const [week] = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), { id });
    if (!week) throw new NotFoundException('Week not found');
    return week;
  }

  /** A week the caller may approve or dispute, locked for the decision. */
  private async findDecidable(actor: Actor, id: string): Promise<WeekRow> {
    const visible = await this.findVisible(actor, id);
    if (!defineAbilityFor(actor).can('approve', { kind: 'TimesheetWeek', clientAccountId: visible.clientAccountId })) {
      throw new ForbiddenException("Only the client's main contact (client_admin) approves or disputes a week");
    }
    await this.repository.lock(this.tenant.manager, actor.tenantId, id);
    const week = await this.findVisible(actor, id);
    if (week.status === 'approved') throw new ConflictException('This week is already approved and locked');
    return week;
  }

  private async notifyTeam(actor: Actor, week: WeekRow, template: NoticeTemplate, extra: Record<string, unknown>): Promise<void> {
    const manager = this.tenant.manager;
    const recipients = RecipientsService.distinct(
      await this.recipients.users(manager, actor.tenantId, [week.assistantId]),
      await this.recipients.managers(manager, actor.tenantId),
    );
    const [{ tenantName, clientName }]: { tenantName: string; clientName: string }[] = await manager.query(
      `SELECT t.name AS "tenantName", c.name AS "clientName" FROM tenants t JOIN client_accounts c ON c.tenant_id = t.id
       WHERE t.id = $1 AND c.id = $2`,
      [actor.tenantId, week.clientAccountId],
    );
    await this.outbox.addForEach(manager, actor.tenantId, recipients, template, {
      tenantName,
      clientName,
      engagementName: week.engagementName,
      assistantName: week.assistantName,
      weekStart: week.weekStart,
      url: new URL(`/engagements/${week.engagementId}/weeks/${week.id}`, this.config.WEB_URL).toString(),
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
