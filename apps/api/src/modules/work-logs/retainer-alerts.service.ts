import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PortalLinks } from '../../common/portal-links';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { OutboxService } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';

const THRESHOLDS = [80, 100] as const;

/** Emails staff once per month when an engagement's billable hours reach 80% and 100% of its retainer. */
@Injectable()
export class RetainerAlertsService {
  constructor(
    private readonly links: PortalLinks,
    private readonly engagements: EngagementsRepository,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
  ) {}

  async check(manager: EntityManager, tenantId: string, engagementId: string): Promise<void> {
    const usage = (await this.engagements.retainers(manager, tenantId, [engagementId])).get(engagementId);
    if (!usage) return;
    for (const threshold of THRESHOLDS.filter((t) => usage.usedPercent >= t)) {
      if (!(await this.engagements.claimRetainerAlert(manager, tenantId, engagementId, usage.month, threshold))) continue;
      const names = await this.engagements.alertNames(manager, tenantId, engagementId);
      await this.outbox.addForEach(manager, tenantId, await this.recipients.managers(manager, tenantId), 'retainer_threshold', {
        ...names,
        threshold,
        usedHours: usage.usedHours,
        hoursPerMonth: usage.hoursPerMonth,
        url: await this.links.url(manager, tenantId, `/engagements/${engagementId}`),
      });
    }
  }
}
