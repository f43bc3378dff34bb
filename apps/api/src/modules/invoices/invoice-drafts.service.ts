import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  computeInvoice,
  invoiceTotals,
  lineAmount,
  roundMoney,
  roundQuantity,
  type Actor,
  type ComputedLine,
  type EngagementToInvoice,
} from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { ClientAccountsService } from '../client-accounts/client-accounts.service';
import type { CreateInvoiceDto } from './dto/create-invoice.dto';
import type { EditInvoiceLinesDto } from './dto/edit-invoice-lines.dto';
import type { InvoiceResponse } from './dto/invoice.response';
import { InvoiceSourcesRepository, type EngagementSource } from './invoice-sources.repository';
import { InvoicesRepository, type InvoiceLineRow, type InvoiceRow } from './invoices.repository';
import { InvoicesService } from './invoices.service';

/** Calendar months the period touches: a retainer's fee is charged for each. */
const monthsIn = (from: string, to: string) =>
  Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7)) - (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7))) + 1;

/** Drafting an invoice from what the client approved, and editing a draft's lines with a reason. */
@Injectable()
export class InvoiceDraftsService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: InvoicesRepository,
    private readonly sources: InvoiceSourcesRepository,
    private readonly invoices: InvoicesService,
    private readonly clients: ClientAccountsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateInvoiceDto): Promise<InvoiceResponse> {
    const manager = this.tenant.manager;
    const { tenantId } = actor;
    if (dto.periodEnd < dto.periodStart) throw new BadRequestException('periodEnd must be on or after periodStart');
    if (monthsIn(dto.periodStart, dto.periodEnd) > 12) throw new BadRequestException('An invoice covers at most twelve months');
    const account = await this.clients.get(actor, dto.clientAccountId);
    const engagements = this.chosen(await this.sources.engagements(manager, tenantId, account.id), dto);
    const currency = engagements[0].currency;
    const ids = engagements.map((e) => e.id);
    const unapproved = await this.sources.unapprovedCount(manager, tenantId, ids, dto.periodStart, dto.periodEnd);
    if (unapproved > 0) {
      throw new ConflictException(
        `${unapproved} time ${unapproved === 1 ? 'entry' : 'entries'} in this period ${unapproved === 1 ? 'is' : 'are'} not approved yet; ` +
          'only time the client approved is invoiced',
      );
    }
    const already = await this.sources.overlapping(manager, tenantId, ids, dto.periodStart, dto.periodEnd);
    if (already) throw new ConflictException(`This time is already on ${already} over an overlapping period; void or discard it first`);

    const entries = await this.sources.entries(manager, tenantId, ids, dto.periodStart, dto.periodEnd);
    const rounds = await this.sources.billableRounds(manager, tenantId, ids, dto.periodStart, dto.periodEnd);
    const credits = await this.sources.openCredits(manager, tenantId, account.id, currency);
    const months = monthsIn(dto.periodStart, dto.periodEnd);
    const computed = computeInvoice({
      currency,
      taxRate: account.taxRate,
      reverseCharge: account.reverseCharge,
      engagements: engagements.map((e): EngagementToInvoice => ({
        engagementId: e.id,
        name: e.name,
        entries: entries.get(e.id) ?? [],
        retainer: e.retainerHoursPerMonth
          ? { monthlyFee: e.retainerMonthlyFee ?? '0', includedHours: e.retainerHoursPerMonth, months }
          : null,
        billableRounds: { count: rounds.get(e.id) ?? 0, price: e.revisionRoundPrice ?? '0' },
      })),
      credits: credits.map((c) => ({ creditId: c.id, kind: c.kind, value: c.value, description: c.description })),
    });

    const id = randomUUID();
    await this.repository.insert(manager, {
      tenantId,
      id,
      kind: 'invoice',
      clientAccountId: account.id,
      creditNoteFor: null,
      currency,
      periodStart: dto.periodStart,
      periodEnd: dto.periodEnd,
      taxRate: account.reverseCharge ? null : account.taxRate,
      reverseCharge: account.reverseCharge,
      notes: dto.notes?.trim() || null,
      createdBy: actor.userId,
    });
    const lines = computed.lines.map((l) => ({ ...l, id: randomUUID() }));
    await this.repository.replaceLines(manager, tenantId, id, lines, computed);
    // Each credit is used once: this draft holds it until it is discarded or voided.
    const used = lines.flatMap((l) => (l.creditId ? [l.creditId] : []));
    await this.sources.useCredits(manager, tenantId, used, id);
    await this.record(actor, 'invoice.drafted', id, {
      after: { clientAccountId: account.id, periodStart: dto.periodStart, periodEnd: dto.periodEnd, currency, total: computed.total },
      creditsUsed: used,
    });
    return this.invoices.get(actor, id);
  }

  /** One currency per invoice: the engagements asked for (or all of the account's), in the currency asked for. */
  private chosen(all: EngagementSource[], dto: CreateInvoiceDto): EngagementSource[] {
    let chosen = all;
    const wanted = dto.engagementIds;
    if (wanted) {
      const known = new Set(all.map((e) => e.id));
      const unknown = wanted.filter((e) => !known.has(e));
      if (unknown.length) throw new NotFoundException(`Engagement ${unknown[0]} not found on this client account`);
      chosen = all.filter((e) => wanted.includes(e.id));
    }
    if (dto.currency) chosen = chosen.filter((e) => e.currency === dto.currency);
    const currencies = [...new Set(chosen.map((e) => e.currency))].sort();
    if (!chosen.length) throw new BadRequestException('No engagement of this client account bills in that currency');
    if (currencies.length > 1) {
      throw new BadRequestException(
        `These engagements bill in ${currencies.join(' and ')}; an invoice has one currency: choose engagementIds or currency`,
      );
    }
    return chosen;
  }

  /** Adds, changes and removes lines of a draft; amounts and totals are computed again, the reason kept in the trail. */
  async editLines(actor: Actor, id: string, dto: EditInvoiceLinesDto): Promise<InvoiceResponse> {
    const manager = this.tenant.manager;
    const row = await this.draft(actor, id);
    const before = await this.repository.lines(manager, actor.tenantId, [id]);
    const byId = new Map(before.map((l) => [l.id, l]));
    for (const lineId of [...(dto.remove ?? []), ...(dto.update ?? []).map((u) => u.lineId)]) {
      if (!byId.has(lineId)) throw new NotFoundException(`Line ${lineId} is not on this invoice`);
    }
    const removed = new Set(dto.remove ?? []);
    const money = (v: string) => roundMoney(v, row.currency);
    const lines: (ComputedLine & { id: string })[] = before
      .filter((l) => !removed.has(l.id))
      .map((l) => {
        const change = dto.update?.find((u) => u.lineId === l.id);
        if (!change) return this.kept(l);
        const quantity = roundQuantity(change.quantity ?? l.quantity);
        const unitPrice = money(change.unitPrice ?? l.unitPrice);
        return {
          ...this.kept(l),
          description: change.description?.trim() ?? l.description,
          note: change.note === undefined ? l.note : change.note.trim() || null,
          quantity,
          unitPrice,
          amount: lineAmount(quantity, unitPrice, row.currency),
        };
      });
    for (const add of dto.add ?? []) {
      const quantity = roundQuantity(add.quantity);
      const unitPrice = money(add.unitPrice);
      lines.push({
        id: randomUUID(),
        kind: 'manual',
        engagementId: null,
        creditId: null,
        description: add.description.trim(),
        quantity,
        unit: add.unit,
        unitPrice,
        amount: lineAmount(quantity, unitPrice, row.currency),
        note: add.note?.trim() || null,
      });
    }
    const totals = invoiceTotals(lines, row.currency, row.taxRate, row.reverseCharge);
    await this.repository.replaceLines(manager, actor.tenantId, id, lines, totals);
    // A removed credit line gives the credit back to the ledger.
    const released = before.flatMap((l) => (removed.has(l.id) && l.creditId ? [l.creditId] : []));
    await this.sources.useCredits(manager, actor.tenantId, released, null);
    await this.record(actor, 'invoice.lines_edited', id, {
      reason: dto.reason.trim(),
      before: {
        lines: before.map(({ id: lineId, description, quantity, unitPrice, amount }) => ({
          lineId,
          description,
          quantity,
          unitPrice,
          amount,
        })),
      },
      after: { added: dto.add ?? [], updated: dto.update ?? [], removed: dto.remove ?? [], total: totals.total },
    });
    return this.invoices.get(actor, id);
  }

  /** Throws a draft away: its credits go back on the ledger. */
  async discard(actor: Actor, id: string): Promise<void> {
    await this.draft(actor, id);
    await this.sources.releaseCreditsOf(this.tenant.manager, actor.tenantId, id);
    await this.repository.delete(this.tenant.manager, actor.tenantId, id);
    await this.record(actor, 'invoice.discarded', id, {});
  }

  private async draft(actor: Actor, id: string): Promise<InvoiceRow> {
    const row = await this.invoices.locked(actor, id);
    if (row.status !== 'draft') {
      throw new ConflictException(
        `This ${row.kind === 'invoice' ? 'invoice' : 'credit note'} is ${row.status}; an issued one never changes: correct it with a credit note`,
      );
    }
    return row;
  }

  private kept(l: InvoiceLineRow): ComputedLine & { id: string } {
    return {
      id: l.id,
      kind: l.kind,
      engagementId: l.engagementId,
      creditId: l.creditId,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      amount: l.amount,
      note: l.note,
    };
  }

  private record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
    return this.audit.record(this.tenant.manager, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action,
      entityType: 'invoice',
      entityId: id,
      change,
    });
  }
}
