import { Injectable } from '@nestjs/common';
import { PortalLinks } from '../../common/portal-links';
import { TenantContext } from '../../common/tenant-context';
import { OutboxService, type NoticeTemplate } from '../outbox/outbox.service';
import { RecipientsService } from '../outbox/recipients.service';
import { TenantRepository } from '../tenant/tenant.repository';
import type { InvoiceRow } from './invoices.repository';

/** Writes the outbox rows telling a client's main contacts about their invoice; they leave only if the change commits. */
@Injectable()
export class InvoiceNotifier {
  constructor(
    private readonly links: PortalLinks,
    private readonly tenant: TenantContext,
    private readonly outbox: OutboxService,
    private readonly recipients: RecipientsService,
    private readonly tenants: TenantRepository,
  ) {}

  async toClient(tenantId: string, row: InvoiceRow, template: NoticeTemplate, extra: Record<string, unknown> = {}): Promise<void> {
    const manager = this.tenant.manager;
    const facts = await this.tenants.facts(manager, tenantId);
    const recipients = await this.recipients.clientAdmins(manager, tenantId, row.clientAccountId);
    await this.outbox.addForEach(manager, tenantId, recipients, template, {
      tenantName: facts.name,
      clientName: row.clientName ?? row.accountName,
      number: row.number,
      currency: row.currency,
      total: row.total,
      dueDate: row.dueDate,
      url: await this.links.url(manager, tenantId, `/invoices/${row.id}`),
      ...extra,
    });
  }
}
