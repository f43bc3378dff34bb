import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, type PortalAddressConfig } from '@candor/db';
import { DEFAULT_TENANT_SETTINGS, tenantSettings } from '@candor/domain';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';
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
  settings: Record<string, unknown> | null;
}

/**
 * Emails the owners and managers when a discovered error is still undisclosed past the tenant's
 * deadline: reminder 1 after one deadline, 2 after two, 3 after three. Each level goes out once per
 * draft (the escalation row is the proof), and never for a disclosure that has reached the client.
 */
export class EscalateOverdueDisclosuresProcessor extends TenantSweep<OverdueDraft, 'escalated'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['escalated'], 'escalated overdue disclosures');
  }

  protected candidates(): Promise<OverdueDraft[]> {
    return this.dataSource.query(`SELECT tenant_id, id, level FROM overdue_disclosure_drafts($1, $2)`, [
      DEFAULT_TENANT_SETTINGS.disclosureDeadlineHours,
      SWEEP_BATCH,
    ]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id, level }: OverdueDraft): Promise<'escalated' | null> {
    // The lock makes a concurrent "disclose" wait for this transaction, or this one see it disclosed.
    const [draft]: Draft[] = await manager.query(
      `SELECT t.name AS "tenantName", c.name AS "clientName", e.name AS "engagementName", d.discovered_at AS "discoveredAt", t.settings
       FROM disclosures d
       JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = d.tenant_id AND c.id = d.client_account_id
       JOIN tenants t ON t.id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.id = $2 AND d.status IN ('draft', 'in_review')
       FOR NO KEY UPDATE OF d`,
      [tenantId, id],
    );
    if (!draft) return null;
    const deadlineHours = Math.max(1, tenantSettings(draft.settings).disclosureDeadlineHours);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO disclosure_escalations (tenant_id, disclosure_id, level) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING level`,
      [tenantId, id, level],
    );
    if (inserted.length === 0) return null;
    const recipients = await membersWithRoles(manager, tenantId, ['owner', 'manager']);
    await notifyEach(manager, tenantId, recipients, 'disclosure_overdue', {
      tenantName: draft.tenantName,
      clientName: draft.clientName,
      engagementName: draft.engagementName,
      discoveredAt: formatUtc(draft.discoveredAt),
      deadlineHours,
      level,
      url: this.url(`/disclosures/${id}`),
    });
    await insertAuditEvent(manager, {
      actorUserId: null,
      tenantId,
      action: 'disclosure.escalated',
      entityType: 'disclosure',
      entityId: id,
      change: { level, deadlineHours, recipients: recipients.length },
    });
    return 'escalated';
  }
}
