import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@candor/domain';
import { ActorScope } from '../../common/actor-scope';
import { foundInScope } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { ClientAccountsRepository } from '../client-accounts/client-accounts.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import type { InvoiceResponse, InvoiceSummaryResponse } from './dto/invoice.response';
import type { ListInvoicesQuery } from './dto/list-invoices.query';
import type { InvoiceDocument } from './invoice-document';
import { presentInvoiceDocument } from './invoice-document.presenter';
import { presentInvoice, presentSummary, type InvoiceRelated } from './invoice.presenter';
import { InvoicesRepository, type InvoiceRow } from './invoices.repository';

/** Reading invoices: who sees which, and the shapes they get. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly scopes: ActorScope,
    private readonly repository: InvoicesRepository,
    private readonly tenants: TenantRepository,
    private readonly clients: ClientAccountsRepository,
  ) {}

  async list(actor: Actor, query: ListInvoicesQuery): Promise<InvoiceSummaryResponse[]> {
    await this.assertMayRead(actor);
    const rows = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), query);
    return rows.map(presentSummary);
  }

  /** The invoice or credit note, if the caller may see it: 404 otherwise (a draft is never a client's). */
  async visible(actor: Actor, id: string): Promise<InvoiceRow> {
    await this.assertMayRead(actor);
    const [row] = await this.repository.find(this.tenant.manager, await this.scopes.of(actor), { id });
    return foundInScope(row, 'Invoice');
  }

  /** Locks the row for a change, then reads it again. */
  async locked(actor: Actor, id: string): Promise<InvoiceRow> {
    await this.visible(actor, id);
    await this.repository.lock(this.tenant.manager, actor.tenantId, id);
    return this.visible(actor, id);
  }

  async get(actor: Actor, id: string): Promise<InvoiceResponse> {
    const row = await this.visible(actor, id);
    return presentInvoice(actor, row, await this.related(actor, row));
  }

  async document(actor: Actor, id: string): Promise<InvoiceDocument> {
    const manager = this.tenant.manager;
    const row = await this.visible(actor, id);
    const related = await this.related(actor, row);
    const facts = await this.tenants.facts(manager, actor.tenantId);
    const account = await this.clients.get(manager, actor.tenantId, row.clientAccountId);
    const locale = await this.clientLocale(actor.tenantId, row.clientAccountId);
    return presentInvoiceDocument(
      row,
      related,
      facts,
      { billingAddress: account?.billingAddress ?? null, taxId: account?.taxId ?? null },
      locale,
    );
  }

  /** The client's language: their first main contact's, else the workspace's. */
  private async clientLocale(tenantId: string, clientAccountId: string): Promise<string | null> {
    const [row]: { locale: string | null }[] = await this.tenant.manager.query(
      `SELECT COALESCE((SELECT u.locale FROM memberships m JOIN users u ON u.id = m.user_id
                        WHERE m.tenant_id = t.id AND m.client_account_id = $2 AND m.role = 'client_admin' ORDER BY m.created_at LIMIT 1),
                       t.default_locale) AS locale
       FROM tenants t WHERE t.id = $1`,
      [tenantId, clientAccountId],
    );
    return row?.locale ?? null;
  }

  async related(actor: Actor, row: InvoiceRow): Promise<InvoiceRelated> {
    const manager = this.tenant.manager;
    const scope = await this.scopes.of(actor);
    return {
      lines: await this.repository.lines(manager, actor.tenantId, [row.id]),
      payments: await this.repository.payments(manager, actor.tenantId, row.id),
      creditNotes: row.kind === 'invoice' ? await this.repository.find(manager, scope, { creditNoteFor: row.id }) : [],
      trail: await this.repository.trail(manager, actor.tenantId, row.id),
    };
  }

  /** A client_member sees invoices only where the workspace allows it; otherwise they do not exist for them. */
  private async assertMayRead(actor: Actor): Promise<void> {
    if (actor.role !== 'client_member') return;
    const settings = await this.tenants.settings(this.tenant.manager, actor.tenantId);
    if (!settings.clientMembersSeeInvoices) throw new NotFoundException('Invoice not found');
  }
}
