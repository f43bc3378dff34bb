import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InvoiceDecimal, compareMoney, invoiceTotals, moneyMinus, roundMoney, type Actor, type ComputedLine } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import type { CreateCreditNoteDto } from './dto/invoice-steps.dto';
import type { InvoiceResponse } from './dto/invoice.response';
import { InvoiceLifecycleService } from './invoice-lifecycle.service';
import { InvoiceNotifier } from './invoice.notifier';
import { InvoicesRepository, type InvoiceRow } from './invoices.repository';
import { InvoicesService } from './invoices.service';

type CreditLine = ComputedLine & { id: string; creditsLineId: string };

/**
 * Corrections of an issued invoice: a credit note for all that remains of it or for parts of lines,
 * numbered in its own series and issued at once. What all credit notes take never exceeds the invoice,
 * line by line and in total.
 */
@Injectable()
export class CreditNotesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: InvoicesRepository,
    private readonly invoices: InvoicesService,
    private readonly lifecycle: InvoiceLifecycleService,
    private readonly notifier: InvoiceNotifier,
  ) {}

  async create(actor: Actor, invoiceId: string, dto: CreateCreditNoteDto): Promise<InvoiceResponse> {
    const manager = this.tenant.manager;
    const invoice = await this.lifecycle.at(actor, invoiceId, ['issued', 'sent', 'paid'], 'credited');
    if (invoice.kind !== 'invoice') throw new BadRequestException('A credit note corrects an invoice, not another credit note');
    const lines = await this.creditLines(invoice, dto);
    if (!lines.some((l) => compareMoney(l.amount, '0') !== 0)) throw new BadRequestException('Nothing is left to credit on this invoice');
    const totals = this.totals(invoice, lines, !dto.lines);
    const left = moneyMinus(invoice.total, invoice.amountCredited, invoice.currency);
    if (compareMoney(totals.total, left) > 0 || compareMoney(totals.total, '0') <= 0) {
      throw new BadRequestException(
        `A credit note must be more than 0 and at most what is left of the invoice (${left} ${invoice.currency})`,
      );
    }
    const id = randomUUID();
    const reason = dto.reason.trim();
    await this.repository.insert(manager, {
      tenantId: actor.tenantId,
      id,
      kind: 'credit_note',
      clientAccountId: invoice.clientAccountId,
      creditNoteFor: invoice.id,
      currency: invoice.currency,
      periodStart: invoice.periodStart,
      periodEnd: invoice.periodEnd,
      taxRate: invoice.taxRate,
      reverseCharge: invoice.reverseCharge,
      notes: reason,
      createdBy: actor.userId,
    });
    await this.repository.replaceLines(manager, actor.tenantId, id, lines, totals);
    const [draft] = await this.repository.find(manager, { kind: 'tenant', tenantId: actor.tenantId }, { id });
    await this.lifecycle.assign(actor, draft, 'credit_note');
    const [note] = await this.repository.find(manager, { kind: 'tenant', tenantId: actor.tenantId }, { id });
    await this.notifier.toClient(actor.tenantId, note, 'credit_note_issued', { invoiceNumber: invoice.number, reason });
    await this.lifecycle.record(actor, 'credit_note.issued', id, { reason, after: { invoiceId, total: totals.total } });
    await this.lifecycle.record(actor, 'invoice.credited', invoiceId, { reason, after: { creditNoteId: id, total: totals.total } });
    return this.invoices.get(actor, id);
  }

  /** Every line's remainder (a full credit), or the parts asked for, each at most what remains of its line. */
  private async creditLines(invoice: InvoiceRow, dto: CreateCreditNoteDto): Promise<CreditLine[]> {
    const manager = this.tenant.manager;
    const lines = await this.repository.lines(manager, this.tenant.actor.tenantId, [invoice.id]);
    const credited = await this.repository.creditedPerLine(manager, this.tenant.actor.tenantId, invoice.id);
    const remaining = (lineId: string, amount: string) => moneyMinus(amount, credited.get(lineId) ?? '0', invoice.currency);
    const asCredit = (l: (typeof lines)[number], amount: string): CreditLine => ({
      id: randomUUID(),
      creditsLineId: l.id,
      kind: l.kind,
      engagementId: l.engagementId,
      creditId: null,
      description: l.description,
      quantity: '1.00',
      unit: 'item',
      unitPrice: amount,
      amount,
      note: null,
    });
    if (!dto.lines) return lines.map((l) => asCredit(l, remaining(l.id, l.amount))).filter((l) => compareMoney(l.amount, '0') !== 0);
    const seen = new Set<string>();
    return dto.lines.map((part) => {
      const line = lines.find((l) => l.id === part.lineId);
      if (!line) throw new NotFoundException(`Line ${part.lineId} is not on this invoice`);
      if (seen.has(part.lineId)) throw new BadRequestException(`Line ${part.lineId} is listed twice`);
      seen.add(part.lineId);
      const amount = roundMoney(part.amount, invoice.currency);
      if (!new InvoiceDecimal(part.amount).equals(amount)) {
        throw new BadRequestException(`amount ${part.amount} has more decimals than ${invoice.currency} allows`);
      }
      const left = remaining(line.id, line.amount);
      if (compareMoney(amount, left) > 0) {
        throw new BadRequestException(`Line "${line.description}" has ${left} ${invoice.currency} left to credit; ${amount} is more`);
      }
      return asCredit(line, amount);
    });
  }

  /** The credit note's tax: the rest of the invoice's tax for a full credit (so the two add up exactly), else the rate on its subtotal. */
  private totals(invoice: InvoiceRow, lines: CreditLine[], full: boolean) {
    const totals = invoiceTotals(lines, invoice.currency, invoice.taxRate, invoice.reverseCharge);
    if (!full) return totals;
    const taxAmount = moneyMinus(invoice.taxAmount, invoice.creditedTax, invoice.currency);
    return {
      subtotal: totals.subtotal,
      taxAmount,
      total: roundMoney(new InvoiceDecimal(totals.subtotal).plus(taxAmount), invoice.currency),
    };
  }
}
