import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, type Recipient, type PortalAddressConfig } from '@candor/db';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';
import { formatUtc } from './utc-date.util';

interface DueFollowUp {
  tenant_id: string;
  id: string;
}

interface RemindedFollowUp {
  disclosureId: string;
  kind: 'client_check_in' | 'team_retrospective';
  dueAt: Date;
  category: string;
  tenantName: string;
  clientAccountId: string;
  clientName: string;
  engagementName: string;
}

/**
 * Reminds once when a follow-up falls due: a client check-in goes to everyone at the client, a team
 * retrospective to the owners and managers. Done or skipped follow-ups, and ones already reminded,
 * are left alone.
 */
export class RemindFollowUpsProcessor extends TenantSweep<DueFollowUp, 'reminded'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['reminded'], 'sent follow-up reminders');
  }

  protected candidates(): Promise<DueFollowUp[]> {
    return this.dataSource.query(`SELECT tenant_id, id FROM due_follow_ups($1)`, [SWEEP_BATCH]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id }: DueFollowUp): Promise<'reminded' | null> {
    const [followUp]: RemindedFollowUp[] = await manager.query(
      `WITH reminded AS (
         UPDATE follow_ups SET reminded_at = now()
         WHERE tenant_id = $1 AND id = $2 AND status = 'pending' AND reminded_at IS NULL AND due_at <= now()
         RETURNING disclosure_id, kind, due_at)
       SELECT r.disclosure_id AS "disclosureId", r.kind, r.due_at AS "dueAt", d.category, d.client_account_id AS "clientAccountId",
              t.name AS "tenantName", c.name AS "clientName", e.name AS "engagementName"
       FROM reminded r
       JOIN disclosures d ON d.tenant_id = $1 AND d.id = r.disclosure_id
       JOIN engagements e ON e.tenant_id = $1 AND e.id = d.engagement_id
       JOIN client_accounts c ON c.tenant_id = $1 AND c.id = d.client_account_id
       JOIN tenants t ON t.id = $1`,
      [tenantId, id],
    );
    if (!followUp) return null;
    const url = (suffix: string) => this.url(`/disclosures/${followUp.disclosureId}${suffix}`);
    let recipients: Recipient[];
    if (followUp.kind === 'client_check_in') {
      recipients = await membersWithRoles(manager, tenantId, ['client_admin', 'client_member'], followUp.clientAccountId);
      await notifyEach(manager, tenantId, recipients, 'follow_up_check_in', {
        tenantName: followUp.tenantName,
        engagementName: followUp.engagementName,
        url: url('/check-in'),
      });
    } else {
      recipients = await membersWithRoles(manager, tenantId, ['owner', 'manager']);
      await notifyEach(manager, tenantId, recipients, 'follow_up_retrospective', {
        tenantName: followUp.tenantName,
        category: followUp.category,
        clientName: followUp.clientName,
        engagementName: followUp.engagementName,
        dueAt: formatUtc(followUp.dueAt),
        url: url(''),
      });
    }
    await insertAuditEvent(manager, {
      actorUserId: null,
      tenantId,
      action: 'disclosure.follow_up_reminded',
      entityType: 'disclosure',
      entityId: followUp.disclosureId,
      change: { followUpId: id, kind: followUp.kind, recipients: recipients.length },
    });
    return 'reminded';
  }
}
