import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hoursFor, type Actor } from '@candor/domain';
import { PortalLinks } from '../../common/portal-links';
import { OutboxService } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';
import { WorkLogsRepository } from './work-logs.repository';

/**
 * Staff answered a disputed entry (corrected it or replied): the entry goes back to the client as
 * submitted, and once no entry of its week is disputed any more, the week is back for approval.
 */
@Injectable()
export class DisputeResolutionService {
  constructor(
    private readonly links: PortalLinks,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly workLogs: WorkLogsRepository,
  ) {}

  async resolve(manager: EntityManager, actor: Actor, workLogId: string, weekId: string): Promise<void> {
    await this.workLogs.setStatus(manager, actor.tenantId, workLogId, 'submitted');
    if (await this.workLogs.reopenWeekIfAnswered(manager, actor.tenantId, weekId))
      await this.notifyClient(manager, actor.tenantId, weekId, true);
  }

  /** Tells the client's main contacts that a week waits for their approval. */
  async notifyClient(manager: EntityManager, tenantId: string, weekId: string, resubmitted: boolean): Promise<void> {
    const week = await this.workLogs.weekSummary(manager, tenantId, weekId);
    if (!week) return;
    await this.outbox.addForEach(
      manager,
      tenantId,
      await this.recipients.clientAdmins(manager, tenantId, week.clientAccountId),
      'week_submitted',
      {
        tenantName: week.tenantName,
        engagementName: week.engagementName,
        assistantName: week.assistantName,
        weekStart: week.weekStart,
        hours: hoursFor(Number(week.seconds)),
        resubmitted,
        url: await this.links.url(manager, tenantId, `/engagements/${week.engagementId}/weeks/${weekId}`),
      },
    );
  }
}
