import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { API_CONFIG, type ApiConfig } from '../../config/api-config';
import { EngagementsRepository } from '../engagements/engagements.repository';
import { OutboxService } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';

const THRESHOLDS = [80, 100] as const;

/** Emails staff once per month when an engagement's billable hours reach 80% and 100% of its retainer. */
@Injectable()
export class RetainerAlertsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly engagements: EngagementsRepository,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
  ) {}

  async check(manager: EntityManager, tenantId: string, engagementId: string): Promise<void> {
    const usage = (await this.engagements.retainers(manager, tenantId, [engagementId])).get(engagementId);
    if (!usage) return;
    for (const threshold of THRESHOLDS.filter((t) => usage.usedPercent >= t)) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO retainer_alerts (tenant_id, engagement_id, month, threshold_percent) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [tenantId, engagementId, `${usage.month}-01`, threshold],
      );
      if (!inserted.length) continue;
      const [names]: { engagementName: string; tenantName: string }[] = await manager.query(
        `SELECT e.name AS "engagementName", t.name AS "tenantName" FROM engagements e JOIN tenants t ON t.id = e.tenant_id
         WHERE e.tenant_id = $1 AND e.id = $2`,
        [tenantId, engagementId],
      );
      await this.outbox.addForEach(manager, tenantId, await this.recipients.managers(manager, tenantId), 'retainer_threshold', {
        ...names,
        threshold,
        usedHours: usage.usedHours,
        hoursPerMonth: usage.hoursPerMonth,
        url: new URL(`/engagements/${engagementId}`, this.config.WEB_URL).toString(),
      });
    }
  }
}
