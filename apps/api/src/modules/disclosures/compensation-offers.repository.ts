import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { OfferKind } from '@candor/domain';
import type { EachRow } from './disclosure.notifier';
import { OFFER_VALUE_TEXT } from './disclosures.repository';

export interface NewOffer {
  tenantId: string;
  id: string;
  disclosureId: string;
  kind: OfferKind;
  value: string | null;
  currency: string | null;
  note: string;
  expiresAt: Date;
  createdBy: string;
}

/** The writes of compensation offers and the credit ledger; reads of offers in scope are DisclosuresRepository.offers. */
@Injectable()
export class CompensationOffersRepository {
  async insert(manager: EntityManager, o: NewOffer): Promise<void> {
    await manager.query(
      `INSERT INTO compensation_offers (tenant_id, id, disclosure_id, kind, value, currency, note, expires_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [o.tenantId, o.id, o.disclosureId, o.kind, o.value, o.currency, o.note, o.expiresAt, o.createdBy],
    );
  }

  /** Offers written with the draft, still open: they reach the client with the disclosure. */
  openOf(
    manager: EntityManager,
    tenantId: string,
    disclosureId: string,
  ): Promise<{ id: string; kind: string; value: string | null; currency: string | null; note: string; expiresAt: Date }[]> {
    return manager.query(
      `SELECT o.id, o.kind, ${OFFER_VALUE_TEXT} AS value, o.currency, o.note, o.expires_at AS "expiresAt" FROM compensation_offers o
       WHERE o.tenant_id = $1 AND o.disclosure_id = $2 AND o.status = 'offered'`,
      [tenantId, disclosureId],
    );
  }

  /**
   * The open offers of a disclosure as the fields of their `offer_made` emails (a jsonb `extra` per
   * offer, as `openOf` and formatUtc give them), for DisclosureNotifier.notice: one email per offer.
   */
  openOffersEach(): EachRow {
    return (bind, tenantId, disclosureId) =>
      `SELECT jsonb_build_object('offerKind', o.kind, 'value', ${OFFER_VALUE_TEXT}, 'currency', o.currency, 'note', o.note,
                                 'expiresAt', to_char(o.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC') AS extra
       FROM compensation_offers o WHERE o.tenant_id = ${bind(tenantId)} AND o.disclosure_id = ${bind(disclosureId)} AND o.status = 'offered'`;
  }

  async lock(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`SELECT 1 FROM compensation_offers WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  }

  async accept(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE compensation_offers SET status = 'accepted', decided_by = $3, decided_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId],
    );
  }

  async decline(manager: EntityManager, tenantId: string, id: string, userId: string, reason: string | null): Promise<void> {
    await manager.query(
      `UPDATE compensation_offers SET status = 'declined', decided_by = $3, decided_at = now(), decline_reason = $4 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId, reason],
    );
  }

  async withdraw(manager: EntityManager, tenantId: string, id: string): Promise<void> {
    await manager.query(`UPDATE compensation_offers SET status = 'withdrawn' WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  }

  /** The offer is given, and its ledger entry with it. */
  async apply(manager: EntityManager, tenantId: string, id: string, userId: string): Promise<void> {
    await manager.query(
      `UPDATE compensation_offers SET status = 'applied', applied_by = $3, applied_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, userId],
    );
    await manager.query(`UPDATE credit_ledger_entries SET applied_at = now() WHERE tenant_id = $1 AND offer_id = $2`, [tenantId, id]);
  }

  /** An accepted offer is owed to the client account until applied. */
  async addLedgerEntry(
    manager: EntityManager,
    e: {
      tenantId: string;
      clientAccountId: string;
      offerId: string;
      kind: string;
      value: string | null;
      currency: string | null;
      description: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO credit_ledger_entries (tenant_id, id, client_account_id, offer_id, kind, value, currency, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.tenantId, randomUUID(), e.clientAccountId, e.offerId, e.kind, e.value, e.currency, e.description],
    );
  }
}
