import { expectStatus } from '../support/factories';
import { draftInvoice, engagementOf, lastMonth, startInvoiceTeam, type InvoiceTeam } from '../support/invoice-team';
import { startStack, type Stack } from '../support/stack';

/** Numbers per tenant, gapless under parallel issuing, given only at issue, never reused after a void. */
describe('invoice numbering', () => {
  let stack: Stack;
  let team: InvoiceTeam;
  const { year } = lastMonth();
  const owner = () => team.tenant.owner.token;

  /** A draft with one manual line (no time in the period). */
  async function draftWithLine(): Promise<string> {
    const draft = await draftInvoice(stack.api, team);
    await expectStatus(
      'line',
      stack.api.patch(
        `/api/v1/invoices/${draft.id}/lines`,
        { reason: 'Setup agreed by email', add: [{ description: 'Setup', quantity: '1', unit: 'item', unitPrice: '100' }] },
        owner(),
      ),
    );
    return draft.id as string;
  }

  beforeAll(async () => {
    stack = await startStack();
    team = await startInvoiceTeam(stack.api);
    await engagementOf(stack.api, team, { name: 'Inbox' });
  });
  afterAll(() => stack.close());

  it('gives 20 drafts issued in parallel the numbers 1..20, with no gap and no repeat', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await draftWithLine());
    // One more draft without lines fails in the same burst and takes no number.
    const empty = (await draftInvoice(stack.api, team)).id as string;
    const answers = await Promise.all([...ids, empty].map((id) => stack.api.post(`/api/v1/invoices/${id}/issue`, {}, owner())));
    expect(answers.map((a) => a.status)).toEqual([...ids.map(() => 200), 400]);
    const numbers = answers.slice(0, 20).map((a) => a.body.number as string);
    const expected = Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(4, '0')}`);
    expect([...numbers].sort()).toEqual(expected);
  });

  it('keeps a voided number taken: the next invoice gets 21, with the tenant prefix', async () => {
    const { api } = stack;
    const list = await api.get('/api/v1/invoices?status=issued', owner());
    const fifth = list.body.find((i: { number: string }) => i.number === `INV-${year}-0005`);
    const voided = await api.post(`/api/v1/invoices/${fifth.id}/void`, { reason: 'Issued by mistake' }, owner());
    expect(voided.body).toMatchObject({ status: 'void', number: `INV-${year}-0005` });
    await expectStatus('prefix', api.patch('/api/v1/tenant', { settings: { invoicePrefix: 'ACME' } }, owner()));
    const next = await api.post(`/api/v1/invoices/${await draftWithLine()}/issue`, {}, owner());
    expect(next.body.number).toBe(`ACME-${year}-0021`);
    const badPrefix = await api.patch('/api/v1/tenant', { settings: { invoicePrefix: '1/2' } }, owner());
    expect(badPrefix.status).toBe(400);
  });

  it('numbers each tenant on its own', async () => {
    const other = await startInvoiceTeam(stack.api, 'Other Agency Client');
    await engagementOf(stack.api, other, { name: 'Inbox' });
    const draft = await draftInvoice(stack.api, other);
    await stack.api.patch(
      `/api/v1/invoices/${draft.id}/lines`,
      { reason: 'Setup', add: [{ description: 'Setup', quantity: '2', unit: 'hour', unitPrice: '45' }] },
      other.tenant.owner.token,
    );
    const issued = await stack.api.post(`/api/v1/invoices/${draft.id}/issue`, {}, other.tenant.owner.token);
    expect(issued.body).toMatchObject({ number: `INV-${year}-0001`, total: '90.00' });
  });
});
