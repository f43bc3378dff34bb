import { expectStatus } from '../support/factories';
import { draftInvoice, engagementOf, startInvoiceTeam, type InvoiceTeam } from '../support/invoice-team';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

/** The worker's `invoice.overdue-remind` sweep: one reminder per unpaid invoice past due, through the outbox. */
describe('overdue invoice reminders', () => {
  let stack: Stack;
  let team: InvoiceTeam;
  const owner = () => team.tenant.owner.token;

  /** An issued invoice of 100 (no tax), sent to the client. */
  async function sentInvoice(): Promise<{ id: string; issueDate: string }> {
    const draft = await draftInvoice(stack.api, team);
    const line = { reason: 'Setup', add: [{ description: 'Setup', quantity: '1', unit: 'item', unitPrice: '100' }] };
    await expectStatus('line', stack.api.patch(`/api/v1/invoices/${draft.id}/lines`, line, owner()));
    const issued = await expectStatus('issue', stack.api.post(`/api/v1/invoices/${draft.id}/issue`, {}, owner()));
    await expectStatus('send', stack.api.post(`/api/v1/invoices/${draft.id}/send`, {}, owner()));
    return { id: draft.id, issueDate: issued.body.issueDate };
  }

  const reminders = async () =>
    (
      await withOwner((db) =>
        db.query(`SELECT recipient_email, payload FROM notifications WHERE tenant_id = $1 AND template = 'invoice_overdue'`, [
          team.tenant.tenantId,
        ]),
      )
    ).rows;

  beforeAll(async () => {
    stack = await startStack({ worker: true });
    team = await startInvoiceTeam(stack.api);
    await engagementOf(stack.api, team, { name: 'Inbox' });
  });
  afterAll(() => stack.close());

  it('reminds the client once when an unpaid invoice is past due; a paid one is left alone', async () => {
    const unpaid = await sentInvoice();
    const paid = await sentInvoice();
    await expectStatus(
      'pay',
      stack.api.post(`/api/v1/invoices/${paid.id}/payments`, { date: paid.issueDate, amount: '100', method: 'card' }, owner()),
    );
    await stack.worker!.overdueInvoiceSweep.handle();
    expect(await reminders()).toEqual([]); // not due yet

    await withOwner((db) => db.query(`UPDATE invoices SET due_date = current_date - 3 WHERE id = ANY($1::uuid[])`, [[unpaid.id, paid.id]]));
    await stack.worker!.overdueInvoiceSweep.handle();
    await stack.worker!.overdueInvoiceSweep.handle(); // a second run sends nothing more
    const sent = await reminders();
    expect(sent).toEqual([{ recipient_email: team.clientAdmin.email, payload: expect.objectContaining({ amountDue: '100.00' }) }]);
    const listed = await stack.api.get(`/api/v1/invoices/${unpaid.id}`, team.clientAdmin.token);
    expect(listed.body).toMatchObject({ overdue: true, amountDue: '100.00' });
  });
});
