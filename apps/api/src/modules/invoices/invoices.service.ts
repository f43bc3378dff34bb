import { Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@candor/domain';
import { invoicesCsv, renderInvoicePdf, type InvoiceDocument } from '@candor/invoice-documents';
import { BrandService } from '../brand/brand.service';
import { ActorScope } from '../../common/actor-scope';
import { foundInScope } from '../../common/scoped-lookup';
import { TenantContext } from '../../common/tenant-context';
import { ClientAccountsRepository } from '../client-accounts/client-accounts.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import type { InvoiceResponse, InvoiceSummaryResponse } from './dto/invoice.response';
import type { ListInvoicesQuery } from './dto/list-invoices.query';
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
    private readonly brand: BrandService,
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
    const { settings } = await this.tenants.facts(manager, actor.tenantId);
    const agency = await this.brand.forInvoice(manager, actor.tenantId);
    const account = await this.clients.get(manager, actor.tenantId, row.clientAccountId);
    const locale = await this.repository.clientLocale(manager, actor.tenantId, row.clientAccountId);
    return presentInvoiceDocument(
      row,
      related,
      { ...agency, settings },
      { billingAddress: account?.billingAddress ?? null, taxId: account?.taxId ?? null },
      locale,
    );
  }

  /** The PDF in the client's language, named by its number (a draft, which only staff see, by its id). */
  async pdf(actor: Actor, id: string): Promise<{ fileName: string; body: Buffer }> {
    const doc = await this.document(actor, id);
    return { fileName: `${doc.number || `draft-${id}`}.pdf`, body: await renderInvoicePdf(doc) };
  }

  /**
   * The accounting export of a period (dates inclusive, by issue date): every line of every invoice and credit note
   * issued in it. The CSV prints no payments, so none are read.
   */
  async exportCsv(actor: Actor, from: string, to: string): Promise<string> {
    const manager = this.tenant.manager;
    const rows = await this.repository.issuedBetween(manager, actor.tenantId, from, to);
    const lines = await this.repository.lines(
      manager,
      actor.tenantId,
      rows.map((r) => r.id),
    );
    const { name, settings } = await this.tenants.facts(manager, actor.tenantId);
    const agency = { name, settings, logo: null };
    const none = { billingAddress: null, taxId: null };
    const docs = rows.map((row) => {
      const related = { lines: lines.filter((l) => l.invoiceId === row.id), payments: [] };
      return presentInvoiceDocument(row, related, agency, none, null);
    });
    return invoicesCsv(docs);
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
