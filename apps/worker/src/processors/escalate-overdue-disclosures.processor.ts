import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, withTenant } from '@candor/db';
import { formatUtc } from './utc-date.util';

interface OverdueDraft {
  tenant_id: string;
  id: string;
  level: number;
}

interface Draft {
  tenantName: string;
  clientName: string;
  engagementName: string;
  discoveredAt: Date;
  deadlineHours: number;
}

/**
 * Emails the owners and managers when a discovered error is still undisclosed past the tenant's
 * deadline: reminder 1 after one deadline, 2 after two, 3 after three. Each level goes out once per
 * draft (the escalation row is the proof), and never for a disclosure that has reached the client.
 */
export class EscalateOverdueDisclosuresProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webUrl: string,
    private readonly defaultDeadlineHours: number,
    private readonly logger: Logger,
  ) {}

  async handle(): Promise<{ escalated: number }> {
    const due: OverdueDraft[] = await this.dataSource.query(`SELECT tenant_id, id, level FROM overdue_disclosure_drafts($1, $2)`, [
      this.defaultDeadlineHours,
      500,
    ]);
    let escalated = 0;
    for (const draft of due) {
      if (await this.escalate(draft)) escalated += 1;
    }
    if (escalated) this.logger.info({ escalated }, 'escalated overdue disclosures');
    return { escalated };
  }

  private escalate({ tenant_id: tenantId, id, level }: OverdueDraft): Promise<boolean> {
    return withTenant(this.dataSource, tenantId, async (manager) => {
      // The lock makes a concurrent "disclose" wait for this transaction, or this one see it disclosed.
      const [draft]: Draft[] = await manager.query(
        `SELECT t.name AS "tenantName", c.name AS "clientName", e.name AS "engagementName", d.discovered_at AS "discoveredAt",
                GREATEST(1, COALESCE((t.settings->>'disclosureDeadlineHours')::int, $3)) AS "deadlineHours"
         FROM disclosures d
         JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
         JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
         JOIN tenants t ON t.id = d.tenant_id
         WHERE d.tenant_id = $1 AND d.id = $2 AND d.status IN ('draft', 'in_review')
         FOR NO KEY UPDATE OF d`,
        [tenantId, id, this.defaultDeadlineHours],
      );
      if (!draft) return false;
      const inserted: unknown[] = await manager.query(
        `INSERT INTO disclosure_escalations (tenant_id, disclosure_id, level) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING level`,
        [tenantId, id, level],
      );
      if (inserted.length === 0) return false;
      const recipients = await membersWithRoles(manager, tenantId, ['owner', 'manager']);
      await notifyEach(manager, tenantId, recipients, 'disclosure_overdue', {
        tenantName: draft.tenantName,
        clientName: draft.clientName,
        engagementName: draft.engagementName,
        discoveredAt: formatUtc(draft.discoveredAt),
        deadlineHours: draft.deadlineHours,
        level,
        url: new URL(`/disclosures/${id}`, this.webUrl).toString(),
      });
      await insertAuditEvent(manager, {
        actorUserId: null,
        tenantId,
        action: 'disclosure.escalated',
        entityType: 'disclosure',
        entityId: id,
        change: { level, deadlineHours: draft.deadlineHours, recipients: recipients.length },
      });
      return true;
    });
  }
}
