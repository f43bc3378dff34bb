import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { compareMoney, isNegative, moneyMinus, type Actor } from '@candor/domain';
import { TenantContext } from '../../common/tenant-context';
import { AuditService } from '../audit/audit.service';
import { ClientAccountsRepository } from '../client-accounts/client-accounts.repository';
import { TenantRepository } from '../tenant/tenant.repository';
import type { InvoiceResponse } from './dto/invoice.response';
import type { RecordPaymentDto, VoidInvoiceDto } from './dto/invoice-steps.dto';
import { amountDue } from './invoice.presenter';
import { InvoiceNotifier } from './invoice.notifier';
import { InvoiceSourcesRepository } from './invoice-sources.repository';
import { InvoicesRepository, type InvoiceKind, type InvoiceRow, type InvoiceStatus } from './invoices.repository';
import { InvoicesService } from './invoices.service';

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** draft -> issued -> sent -> paid | void: each step under the row lock, audited, and emailed where the client should know. */
@Injectable()
export class InvoiceLifecycleService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly repository: InvoicesRepository,
    private readonly sources: InvoiceSourcesRepository,
    private readonly invoices: InvoicesService,
    private readonly clients: ClientAccountsRepository,
    private readonly tenants: TenantRepository,
    private readonly notifier: InvoiceNotifier,
    private readonly audit: AuditService,
  ) {}

  /**
   * Gives the draft its number (the next of the tenant's series for the issue year), dates it, freezes
   * the client's billing details and applies the credits it uses. From here on it never changes.
   */
  async issue(actor: Actor, id: string): Promise<InvoiceResponse> {
    const row = await this.at(actor, id, ['draft'], 'issued');
    if (!(await this.repository.lines(this.tenant.manager, actor.tenantId, [id])).length) {
      throw new BadRequestException('This draft has no lines; add one before issuing it');
    }
    if (isNegative(row.total))
      throw new BadRequestException('An invoice cannot total less than zero; credit the client with a credit note instead');
    await this.assign(actor, row, 'invoice');
    await this.sources.applyCreditsOf(this.tenant.manager, actor.tenantId, id, actor.userId);
    await this.record(actor, 'invoice.issued', id, {});
    return this.invoices.get(actor, id);
  }

  /** Numbers, dates and freezes a draft invoice or credit note (also used by credit notes). */
  async assign(actor: Actor, row: InvoiceRow, series: InvoiceKind): Promise<void> {
    const manager = this.tenant.manager;
    const settings = await this.tenants.settings(manager, actor.tenantId);
    const today = await this.repository.today(manager, actor.tenantId);
    const year = Number(today.slice(0, 4));
    const sequence = await this.repository.nextNumber(manager, actor.tenantId, series, year);
    const prefix = series === 'invoice' ? settings.invoicePrefix : settings.creditNotePrefix;
    const account = await this.clients.get(manager, actor.tenantId, row.clientAccountId);
    await this.repository.update(manager, actor.tenantId, row.id, {
      status: 'issued',
      number: `${prefix}-${year}-${String(sequence).padStart(4, '0')}`,
      issue_date: today,
      due_date: series === 'invoice' ? addDays(today, settings.invoiceDueDays) : null,
      client_name: account?.name ?? row.accountName,
      billing_address: account?.billingAddress ?? null,
      client_tax_id: account?.taxId ?? null,
      issued_by: actor.userId,
      issued_at: new Date(),
    });
  }

  /** Emails the client's main contacts that the invoice is there (again, if asked twice). */
  async send(actor: Actor, id: string): Promise<InvoiceResponse> {
    const row = await this.at(actor, id, ['issued', 'sent'], 'sent');
    await this.repository.update(this.tenant.manager, actor.tenantId, id, { status: 'sent', sent_at: new Date() });
    await this.notifier.toClient(actor.tenantId, row, 'invoice_sent');
    await this.record(actor, 'invoice.sent', id, {});
    return this.invoices.get(actor, id);
  }

  /** Voids an issued invoice nobody paid or credited: its number stays taken, its credits go back on the ledger. */
  async void(actor: Actor, id: string, dto: VoidInvoiceDto): Promise<InvoiceResponse> {
    const row = await this.at(actor, id, ['issued', 'sent'], 'void');
    if (row.kind === 'invoice' && (compareMoney(row.amountPaid, '0') > 0 || compareMoney(row.amountCredited, '0') > 0)) {
      throw new ConflictException('This invoice has payments or credit notes; correct it with a credit note instead');
    }
    const reason = dto.reason.trim();
    await this.repository.update(this.tenant.manager, actor.tenantId, id, { status: 'void', voided_at: new Date(), void_reason: reason });
    await this.sources.releaseCreditsOf(this.tenant.manager, actor.tenantId, id);
    if (row.status === 'sent') await this.notifier.toClient(actor.tenantId, row, 'invoice_voided', { reason });
    await this.record(actor, 'invoice.voided', id, { reason });
    return this.invoices.get(actor, id);
  }

  /** Records money received; the invoice is paid once nothing is owed. */
  async recordPayment(actor: Actor, id: string, dto: RecordPaymentDto): Promise<InvoiceResponse> {
    const manager = this.tenant.manager;
    const row = await this.at(actor, id, ['issued', 'sent'], 'paid');
    if (row.kind !== 'invoice') throw new ConflictException('A credit note is not paid; record payments on the invoice');
    if (dto.date > (await this.repository.today(manager, actor.tenantId))) throw new BadRequestException('date must not be in the future');
    if (row.issueDate && dto.date < row.issueDate)
      throw new BadRequestException(`date must not be before the invoice was issued (${row.issueDate})`);
    const due = amountDue(row);
    if (compareMoney(dto.amount, due) > 0) throw new BadRequestException(`amount is more than is owed (${due} ${row.currency})`);
    await this.repository.insertPayment(manager, {
      tenantId: actor.tenantId,
      id: randomUUID(),
      invoiceId: id,
      paidOn: dto.date,
      amount: dto.amount,
      method: dto.method.trim(),
      recordedBy: actor.userId,
    });
    const remaining = moneyMinus(due, dto.amount, row.currency);
    const paidInFull = compareMoney(remaining, '0') <= 0;
    if (paidInFull) await this.repository.update(manager, actor.tenantId, id, { status: 'paid', paid_on: dto.date });
    await this.notifier.toClient(actor.tenantId, row, 'invoice_payment_recorded', { amount: dto.amount, amountDue: remaining, paidInFull });
    await this.record(actor, 'invoice.payment_recorded', id, {
      after: { date: dto.date, amount: dto.amount, method: dto.method, paidInFull },
    });
    return this.invoices.get(actor, id);
  }

  /** The invoice under its row lock, if it may take this step: 409 naming its status otherwise. */
  async at(actor: Actor, id: string, from: InvoiceStatus[], step: string): Promise<InvoiceRow> {
    const row = await this.invoices.locked(actor, id);
    if (!from.includes(row.status)) {
      const noun = row.kind === 'invoice' ? 'invoice' : 'credit note';
      throw new ConflictException(`This ${noun} is ${row.status}; it can become ${step} only from ${from.join(' or ')}`);
    }
    return row;
  }

  record(actor: Actor, action: string, id: string, change: Record<string, unknown>): Promise<void> {
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
