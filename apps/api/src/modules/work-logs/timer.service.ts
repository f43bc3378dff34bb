import { ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { WorkLog } from '@candor/db';
import { SHORT_ENTRY_SECONDS, toWholeSecond, type Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { StartTimerDto } from './dto/start-timer.dto';
import type { RunningTimerResponse, StoppedTimerResponse, WorkLogResponse } from './dto/work-log.response';
import { RetainerAlertsService } from './retainer-alerts.service';
import { WorkLogsRepository } from './work-logs.repository';
import { WorkLogsService } from './work-logs.service';

export interface TimerStartResult {
  timer: WorkLogResponse;
  stopped: StoppedTimerResponse | null;
}

/** One running timer per assistant: starting one stops the other. */
@Injectable()
export class TimerService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: WorkLogsRepository,
    private readonly tenants: TenantRepository,
    private readonly workLogs: WorkLogsService,
    private readonly audit: AuditService,
    private readonly retainer: RetainerAlertsService,
  ) {}

  async current(actor: Actor): Promise<RunningTimerResponse> {
    const running = await this.repository.runningTimer(this.tenant.manager, actor.tenantId, actor.userId);
    return { timer: running ? await this.workLogs.get(actor, running.id) : null };
  }

  async start(actor: Actor, dto: StartTimerDto): Promise<TimerStartResult> {
    const manager = this.tenant.manager;
    const engagement = await this.workLogs.loggableEngagement(actor, dto.engagementId);
    if (dto.disclosureId) await this.workLogs.assertFixable(actor.tenantId, engagement.id, dto.disclosureId, dto.billable);
    await this.repository.lockAssistant(manager, actor.tenantId, actor.userId);
    let start = toWholeSecond(new Date());
    const running = await this.repository.runningTimer(manager, actor.tenantId, actor.userId);
    const stopped = running ? await this.stopEntry(actor, running, false) : null;
    // A timer stopped within its first second (now, or just before) ends a second later: the next one starts after it.
    const lastEnd = await this.repository.timerEndAfter(manager, actor.tenantId, actor.userId, start);
    if (lastEnd && lastEnd > start) start = lastEnd;
    await this.workLogs.assertWeekOpen(actor.tenantId, engagement.id, actor.userId, start);
    await this.workLogs.assertNoOverlap(actor.tenantId, actor.userId, start, null, null);
    const id = randomUUID();
    await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      id,
      engagementId: engagement.id,
      clientAccountId: engagement.clientAccountId,
      assistantId: actor.userId,
      source: 'timer',
      status: 'draft',
      startedAt: start,
      endedAt: null,
      durationSeconds: null,
      notes: dto.notes?.trim() ?? '',
      billable: dto.disclosureId ? false : (dto.billable ?? true),
      hourlyRate: await this.repository.rateAt(manager, actor.tenantId, engagement.id, start),
      disclosureId: dto.disclosureId ?? null,
    });
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'timer.started',
      entityType: 'work_log',
      entityId: id,
    });
    return { timer: await this.workLogs.get(actor, id), stopped };
  }

  async stop(actor: Actor, keepShort: boolean): Promise<StoppedTimerResponse> {
    const manager = this.tenant.manager;
    await this.repository.lockAssistant(manager, actor.tenantId, actor.userId);
    const running = await this.repository.runningTimer(manager, actor.tenantId, actor.userId);
    if (!running) throw new ConflictException('You have no running timer to stop');
    return this.stopEntry(actor, running, keepShort);
  }

  /**
   * Ends a timer now, or at the tenant's limit when it was forgotten. One that ran under a minute
   * would be billed as 0:00 h: it is discarded unless `keepShort`, and the answer says so.
   */
  private async stopEntry(actor: Actor, running: WorkLog, keepShort: boolean): Promise<StoppedTimerResponse> {
    const end = await this.end(actor, running);
    const stopped = await this.workLogs.get(actor, running.id);
    if (keepShort || (end.getTime() - running.startedAt.getTime()) / 1000 >= SHORT_ENTRY_SECONDS) return { ...stopped, discarded: false };
    await this.repository.delete(this.tenant.manager, actor.tenantId, running.id);
    await this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'timer.discarded',
      entityType: 'work_log',
      entityId: running.id,
      change: { seconds: stopped.durationSeconds },
    });
    await this.retainer.check(this.tenant.manager, actor.tenantId, running.engagementId);
    return { ...stopped, discarded: true };
  }

  /** Sets a timer's end: now, or the tenant's limit when it was forgotten; returns the end. */
  private async end(actor: Actor, running: WorkLog): Promise<Date> {
    const manager = this.tenant.manager;
    const limitMs = (await this.tenants.settings(manager, actor.tenantId)).timerLimitHours * 3_600_000;
    const now = toWholeSecond(new Date());
    const start = running.startedAt.getTime();
    const end = new Date(Math.min(Math.max(now.getTime(), start + 1000), start + limitMs));
    await this.repository.update(manager, actor.tenantId, running.id, {
      endedAt: end,
      durationSeconds: (end.getTime() - start) / 1000,
      ...(now.getTime() - start > limitMs && { autoStoppedAt: now }),
    });
    await this.audit.record(manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'timer.stopped',
      entityType: 'work_log',
      entityId: running.id,
    });
    await this.retainer.check(manager, actor.tenantId, running.engagementId);
    return end;
  }
}
