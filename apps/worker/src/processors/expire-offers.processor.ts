import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, type PortalAddressConfig } from '@candor/db';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';
import { formatUtc } from './utc-date.util';

interface DueOffer {
  tenant_id: string;
  id: string;
}

interface OpenOffer {
  disclosureId: string;
  clientAccountId: string;
  offerKind: string;
  value: string | null;
  currency: string | null;
  expiresAt: Date;
  expired: boolean;
  warn: boolean;
  engagementName: string;
  tenantName: string;
}

/**
 * Expires compensation offers left unanswered past their expiry (a client-visible step on the
 * disclosure's timeline), and warns the client's main contacts once, a day before. Idempotent: an
 * offer already answered, expired or warned is skipped.
 */
export class ExpireOffersProcessor extends TenantSweep<DueOffer, 'expired' | 'warned'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['expired', 'warned'], 'expired or warned about compensation offers');
  }

  protected candidates(): Promise<DueOffer[]> {
    return this.dataSource.query(`SELECT tenant_id, id FROM due_offer_changes($1)`, [SWEEP_BATCH]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id }: DueOffer): Promise<'expired' | 'warned' | null> {
    // Locked, so a client accepting at this moment either goes first (and we skip) or waits for us.
    const [offer]: OpenOffer[] = await manager.query(
      `SELECT o.disclosure_id AS "disclosureId", d.client_account_id AS "clientAccountId", o.kind AS "offerKind",
              -- Money keeps its cents; percent, hours and days read as people write them ("10%", "2.5 hours"), as the API words them.
              CASE WHEN o.kind IN ('credit', 'refund') THEN o.value::text ELSE trim_scale(o.value)::text END AS value,
              o.currency, o.expires_at AS "expiresAt",
              o.expires_at <= now() AS expired,
              o.expiry_warned_at IS NULL AND o.expires_at <= now() + interval '1 day' AS warn,
              e.name AS "engagementName", t.name AS "tenantName"
       FROM compensation_offers o
       JOIN disclosures d ON d.tenant_id = o.tenant_id AND d.id = o.disclosure_id
       JOIN engagements e ON e.tenant_id = d.tenant_id AND e.id = d.engagement_id
       JOIN tenants t ON t.id = o.tenant_id
       WHERE o.tenant_id = $1 AND o.id = $2 AND o.status = 'offered'
       FOR NO KEY UPDATE OF o`,
      [tenantId, id],
    );
    if (!offer) return null;
    if (offer.expired) {
      await manager.query(`UPDATE compensation_offers SET status = 'expired' WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
      await manager.query(
        `INSERT INTO disclosure_events (tenant_id, id, disclosure_id, actor_id, action, visibility, detail)
         VALUES ($1, $2, $3, NULL, 'offer_expired', 'client', $4)`,
        [tenantId, randomUUID(), offer.disclosureId, { offerId: id }],
      );
      await insertAuditEvent(manager, {
        actorUserId: null,
        tenantId,
        action: 'disclosure.offer_expired',
        entityType: 'disclosure',
        entityId: offer.disclosureId,
        change: { offerId: id },
      });
      return 'expired';
    }
    if (!offer.warn) return null;
    await manager.query(`UPDATE compensation_offers SET expiry_warned_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    const recipients = await membersWithRoles(manager, tenantId, ['client_admin'], offer.clientAccountId);
    await notifyEach(manager, tenantId, recipients, 'offer_expiring', {
      tenantName: offer.tenantName,
      engagementName: offer.engagementName,
      offerKind: offer.offerKind,
      value: offer.value,
      currency: offer.currency,
      expiresAt: formatUtc(offer.expiresAt),
      url: this.url(`/disclosures/${offer.disclosureId}`),
    });
    await insertAuditEvent(manager, {
      actorUserId: null,
      tenantId,
      action: 'disclosure.offer_expiry_warned',
      entityType: 'disclosure',
      entityId: offer.disclosureId,
      change: { offerId: id, recipients: recipients.length },
    });
    return 'warned';
  }
}
