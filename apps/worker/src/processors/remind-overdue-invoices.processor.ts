import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEvent, membersWithRoles, notifyEach, type PortalAddressConfig } from '@candor/db';
import { roundMoney } from '@candor/domain';
import { SWEEP_BATCH, TenantSweep } from './tenant-sweep';

interface OverdueInvoice {
  tenant_id: string;
  id: string;
}

interface RemindedInvoice {
  number: string;
  dueDate: string;
  currency: string;
  clientAccountId: string;
  tenantName: string;
  amountDue: string;
}

/**
 * Reminds a client's main contacts once when an issued or sent invoice passes its due date (the
 * tenant's day) with money still owed. The reminder is marked in the same transaction as its email.
 */
export class RemindOverdueInvoicesProcessor extends TenantSweep<OverdueInvoice, 'reminded'> {
  constructor(dataSource: DataSource, address: PortalAddressConfig, logger: Logger) {
    super(dataSource, address, logger, ['reminded'], 'sent overdue invoice reminders');
  }

  protected candidates(now: Date): Promise<OverdueInvoice[]> {
    // UTC's day, a day's leeway either side of the tenant's; act() checks the tenant's own day.
    return this.dataSource.query(`SELECT tenant_id, id FROM invoice_overdue_candidates($1::date + 1, $2)`, [
      now.toISOString().slice(0, 10),
      SWEEP_BATCH,
    ]);
  }

  protected async act(manager: EntityManager, { tenant_id: tenantId, id }: OverdueInvoice): Promise<'reminded' | null> {
    const [invoice]: RemindedInvoice[] = await manager.query(
      `WITH reminded AS (
         UPDATE invoices i SET overdue_reminded_at = now() FROM tenants t
         WHERE i.tenant_id = $1 AND i.id = $2 AND t.id = i.tenant_id AND i.status IN ('issued', 'sent') AND i.overdue_reminded_at IS NULL
           AND i.due_date < (now() AT TIME ZONE t.time_zone)::date
         RETURNING i.number, i.due_date, i.currency, i.client_account_id, i.total, t.name AS tenant_name)
       SELECT r.number, r.due_date::text AS "dueDate", r.currency, r.client_account_id AS "clientAccountId", r.tenant_name AS "tenantName",
              (r.total - COALESCE((SELECT sum(amount) FROM invoice_payments p WHERE p.tenant_id = $1 AND p.invoice_id = $2), 0)
                       - COALESCE((SELECT sum(total) FROM invoices n WHERE n.tenant_id = $1 AND n.credit_note_for = $2 AND n.status <> 'void'), 0)
              )::text AS "amountDue"
       FROM reminded r`,
      [tenantId, id],
    );
    if (!invoice) return null;
    const amountDue = roundMoney(invoice.amountDue, invoice.currency);
    // Settled by payments and credit notes: marked, nothing to remind.
    if (!/[1-9]/.test(amountDue) || amountDue.startsWith('-')) return null;
    const recipients = await membersWithRoles(manager, tenantId, ['client_admin'], invoice.clientAccountId);
    await notifyEach(manager, tenantId, recipients, 'invoice_overdue', {
      tenantName: invoice.tenantName,
      number: invoice.number,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      amountDue,
      url: this.url(`/invoices/${id}`),
    });
    await insertAuditEvent(manager, {
      actorUserId: null,
      tenantId,
      action: 'invoice.overdue_reminded',
      entityType: 'invoice',
      entityId: id,
      change: { recipients: recipients.length, amountDue },
    });
    return 'reminded';
  }
}
