import {
  addMember,
  addRate,
  createClientAccount,
  createDeliverable,
  deliverVersion,
  expectStatus,
  requestChanges,
} from '../support/factories';
import {
  acceptedOffers,
  approveWeeks,
  draftInvoice,
  engagementOf,
  lastMonth,
  logTime,
  startInvoiceTeam,
  type InvoiceTeam,
} from '../support/invoice-team';
import { withOwner } from '../support/owner-db';
import { startStack, type Stack } from '../support/stack';

type Line = { kind: string; description: string; quantity: string; unitPrice: string; amount: string; note: string | null; id: string };

/**
 * The issue's hand-calculated invoice, end to end through the API: a rate change in the month, a retainer
 * with overage, fix time at no charge, a billable revision round, an accepted 10 % discount and a 50 EUR
 * credit; then the lifecycle, credit notes and who sees what.
 */
describe('invoices', () => {
  let stack: Stack;
  let team: InvoiceTeam;
  let inbox: string;
  let invoice: { id: string; lines: Line[] };
  const month = lastMonth();
  const owner = () => team.tenant.owner.token;

  beforeAll(async () => {
    stack = await startStack();
    const { api } = stack;
    team = await startInvoiceTeam(api);
    await expectStatus(
      'tax',
      api.patch(`/api/v1/client-accounts/${team.clientId}`, { taxRate: '20', billingAddress: '1 Bread Street' }, owner()),
    );
    // Inbox: 40 an hour, 50 from the 15th; no included revision rounds, 60 a round.
    inbox = await engagementOf(api, team, { name: 'Inbox', hourlyRate: '40', includedRevisionRounds: 0, revisionRoundPrice: '60' });
    await addRate(api, owner(), inbox, '40', '2020-01-01');
    await addRate(api, owner(), inbox, '50', month.day(15));
    // Bookkeeping: a retainer of 10 hours a month for 800, 45 an hour beyond.
    const books = await engagementOf(api, team, {
      name: 'Bookkeeping',
      hourlyRate: '45',
      retainerHoursPerMonth: '10',
      retainerMonthlyFee: '800',
    });
    await addRate(api, owner(), books, '45', '2020-01-01');

    const disclosureId = await acceptedOffers(api, team, inbox, [
      { kind: 'discount_next_project', value: '10' },
      { kind: 'credit', value: '50', currency: 'EUR' },
    ]);
    const inboxDays = [
      { day: month.day(3), hours: 2 },
      { day: month.day(10), hours: 1.5 },
      { day: month.day(16), hours: 2.25 },
      { day: month.day(20), hours: 1, disclosureId },
    ];
    await logTime(api, team, inbox, inboxDays);
    const booksDays = [
      { day: month.day(2), hours: 4 },
      { day: month.day(9), hours: 5 },
      { day: month.day(23), hours: 3 },
    ];
    await logTime(api, team, books, booksDays);
    await approveWeeks(
      api,
      team,
      inbox,
      inboxDays.map((d) => d.day),
    );
    await approveWeeks(
      api,
      team,
      books,
      booksDays.map((d) => d.day),
    );

    // One billable revision round, accepted by the team on the 20th (back-dated: the API stamps now).
    const deliverable = await createDeliverable(api, owner(), inbox);
    await deliverVersion(api, owner(), deliverable.id);
    const asked = await requestChanges(api, team.clientAdmin.token, deliverable.id, 'Another layout, please.');
    const requestId = asked.revisionRequests[0].id as string;
    await expectStatus('accept round', api.post(`/api/v1/revision-requests/${requestId}/accept`, {}, owner()), [200]);
    await withOwner((db) =>
      db.query(`UPDATE revision_requests SET accepted_at = $2 WHERE id = $1`, [requestId, `${month.day(20)}T12:00:00Z`]),
    );
  });
  afterAll(() => stack.close());

  it('drafts exactly what a hand calculation gives', async () => {
    invoice = await draftInvoice(stack.api, team);
    expect(invoice).toMatchObject({ status: 'draft', number: null, currency: 'EUR', taxRate: '20.00', periodStart: month.start });
    expect(invoice.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amount, l.note])).toEqual([
      ['retainer_fee', '1.00', '800.00', '800.00', null], // Bookkeeping: one month's fee
      ['retainer_overage', '2.00', '45.00', '90.00', null], // 4 + 5 + 3 = 12 h against 10 included: 2 h at 45
      ['time', '3.50', '40.00', '140.00', null], // Inbox: 2 h + 1.5 h before the 15th at 40
      ['time', '2.25', '50.00', '112.50', null], // 2.25 h after the rate change at 50
      ['fix', '1.00', '0.00', '0.00', 'fixed at no charge'], // the disclosed error's fix
      ['revision_rounds', '1.00', '60.00', '60.00', null], // one round beyond the included 0
      // 800 + 90 + 140 + 112.50 + 0 + 60 = 1202.50; 10 % of it = 120.25
      ['discount', '10.00', '1202.50', '-120.25', expect.any(String)],
      ['credit', '1.00', '-50.00', '-50.00', expect.any(String)], // the 50 EUR credit
    ]);
    // 1202.50 - 120.25 - 50 = 1032.25; tax 20 % = 206.45; total 1238.70
    expect(invoice).toMatchObject({ subtotal: '1032.25', taxAmount: '206.45', total: '1238.70', amountDue: '1238.70' });

    // The two credits are used by this draft, and say so on the ledger.
    const used = await withOwner((db) =>
      db.query(`SELECT count(*)::int AS n FROM credit_ledger_entries WHERE client_account_id = $1 AND used_on_invoice_id = $2`, [
        team.clientId,
        invoice.id,
      ]),
    );
    expect(used.rows[0].n).toBe(2);
  });

  it('refuses a second invoice of the same time, and never uses a credit twice', async () => {
    const { api } = stack;
    const again = await api.post(
      '/api/v1/invoices',
      { clientAccountId: team.clientId, periodStart: month.start, periodEnd: month.end, engagementIds: [inbox] },
      owner(),
    );
    expect(again.status).toBe(409);
    // Another engagement of the same client: its invoice gets no credit, the ledger's entries are taken.
    const other = await engagementOf(api, team, { name: 'Socials', hourlyRate: '30' });
    await logTime(api, team, other, [{ day: month.day(5), hours: 1 }]);
    await approveWeeks(api, team, other, [month.day(5)]);
    const second = await draftInvoice(api, team, { engagementIds: [other] });
    expect(second.lines.map((l: Line) => l.kind)).toEqual(['time']);
    expect(second.total).toBe('36.00'); // 1 h at 30 + 20 % tax
    await expectStatus('discard', api.delete(`/api/v1/invoices/${second.id}`, owner()), [204]);
  });

  it('edits a draft with a reason kept in the trail; refuses negative quantities and writes nothing', async () => {
    const { api } = stack;
    const negative = await api.patch(
      `/api/v1/invoices/${invoice.id}/lines`,
      { reason: 'x', add: [{ description: 'Refund', quantity: '-1', unit: 'item', unitPrice: '10' }] },
      owner(),
    );
    expect(negative.status).toBe(400);
    expect(negative.body.message).toMatch(/quantity must not be negative/i);
    const edited = await api.patch(
      `/api/v1/invoices/${invoice.id}/lines`,
      { reason: 'Agreed setup fee', add: [{ description: 'Setup', quantity: '1', unit: 'item', unitPrice: '10' }] },
      owner(),
    );
    expect(edited.status).toBe(200);
    // 1032.25 + 10 = 1042.25; tax 208.45; total 1250.70
    expect(edited.body).toMatchObject({ subtotal: '1042.25', taxAmount: '208.45', total: '1250.70' });
    expect(edited.body.trail.map((t: { action: string; reason: string | null }) => [t.action, t.reason])).toContainEqual([
      'invoice.lines_edited',
      'Agreed setup fee',
    ]);
    const setup = edited.body.lines.find((l: Line) => l.description === 'Setup');
    const removed = await api.patch(
      `/api/v1/invoices/${invoice.id}/lines`,
      { reason: 'Not agreed after all', remove: [setup.id] },
      owner(),
    );
    expect(removed.body.total).toBe('1238.70');
  });

  it('issues with a number, then never changes; only owners and managers issue', async () => {
    const { api } = stack;
    expect((await api.post(`/api/v1/invoices/${invoice.id}/issue`, {}, team.clientAdmin.token)).status).toBe(403);
    expect((await api.post(`/api/v1/invoices/${invoice.id}/issue`, {}, team.assistant.token)).status).toBe(403);
    const issued = await api.post(`/api/v1/invoices/${invoice.id}/issue`, {}, owner());
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', number: `INV-${month.year}-0001` });
    expect(issued.body.dueDate > issued.body.issueDate).toBe(true);
    const edit = await api.patch(`/api/v1/invoices/${invoice.id}/lines`, { reason: 'late', remove: [invoice.lines[0].id] }, owner());
    expect(edit.status).toBe(409);
    expect((await api.post(`/api/v1/invoices/${invoice.id}/issue`, {}, owner())).status).toBe(409);
    // The offers behind the credits are applied.
    const offers = await withOwner((db) =>
      db.query(
        `SELECT o.status FROM compensation_offers o JOIN credit_ledger_entries c ON c.tenant_id = o.tenant_id AND c.offer_id = o.id WHERE c.used_on_invoice_id = $1`,
        [invoice.id],
      ),
    );
    expect(offers.rows.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The client's ledger shows where each credit went.
    const ledger = await api.get(`/api/v1/client-accounts/${team.clientId}/credits`, team.clientAdmin.token);
    expect(ledger.body.entries.map((e: { usedOnInvoiceNumber: string }) => e.usedOnInvoiceNumber)).toEqual([
      `INV-${month.year}-0001`,
      `INV-${month.year}-0001`,
    ]);
  });

  it('is sent to the client, who sees it (a client_member only where the tenant allows) and its document', async () => {
    const { api } = stack;
    const sent = await api.post(`/api/v1/invoices/${invoice.id}/send`, {}, owner());
    expect(sent.body.status).toBe('sent');
    const emails = await withOwner((db) =>
      db.query(`SELECT recipient_email FROM notifications WHERE tenant_id = $1 AND template = 'invoice_sent'`, [team.tenant.tenantId]),
    );
    expect(emails.rows.map((r) => r.recipient_email)).toEqual([team.clientAdmin.email]);

    const list = await api.get('/api/v1/invoices', team.clientAdmin.token);
    expect(list.body.map((i: { number: string }) => i.number)).toEqual([`INV-${month.year}-0001`]);
    const seen = await api.get(`/api/v1/invoices/${invoice.id}`, team.clientAdmin.token);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('trail');
    expect(seen.body.lines[0]).not.toHaveProperty('kind');
    expect((await api.get(`/api/v1/invoices/${invoice.id}`, team.clientMember.token)).status).toBe(404);
    await expectStatus('setting', api.patch('/api/v1/tenant', { settings: { clientMembersSeeInvoices: true } }, owner()));
    expect((await api.get(`/api/v1/invoices/${invoice.id}`, team.clientMember.token)).status).toBe(200);

    const doc = await api.get(`/api/v1/invoices/${invoice.id}/document`, team.clientAdmin.token);
    expect(doc.body).toMatchObject({
      kind: 'invoice',
      number: `INV-${month.year}-0001`,
      status: 'sent',
      currency: 'EUR',
      client: { name: 'Acme Bakery', billingAddress: '1 Bread Street', taxId: null },
      subtotal: '1032.25',
      taxRate: '20.00',
      taxAmount: '206.45',
      total: '1238.70',
      reverseCharge: false,
      creditNoteFor: null,
      amountDue: '1238.70',
    });
    expect(doc.body.lines[4]).toEqual({
      description: expect.stringContaining('Inbox'),
      quantity: '1.00',
      unit: 'hour',
      unitPrice: '0.00',
      amount: '0.00',
      note: 'fixed at no charge',
    });
  });

  it('records partial payments; credit notes reduce what is owed and never exceed the invoice', async () => {
    const { api } = stack;
    const { issueDate } = (await api.get(`/api/v1/invoices/${invoice.id}`, owner())).body;
    const early = await api.post(`/api/v1/invoices/${invoice.id}/payments`, { date: month.end, amount: '1', method: 'cash' }, owner());
    expect(early.status).toBe(400);
    const paid = await api.post(
      `/api/v1/invoices/${invoice.id}/payments`,
      { date: issueDate, amount: '238.70', method: 'bank transfer' },
      owner(),
    );
    expect(paid.body).toMatchObject({ status: 'sent', amountPaid: '238.70', amountDue: '1000.00' });
    const tooMuch = await api.post(
      `/api/v1/invoices/${invoice.id}/payments`,
      { date: issueDate, amount: '1000.01', method: 'card' },
      owner(),
    );
    expect(tooMuch.status).toBe(400);

    const hours40 = invoice.lines[2]; // 140.00
    const over = await api.post(
      `/api/v1/invoices/${invoice.id}/credit-notes`,
      { reason: 'x', lines: [{ lineId: hours40.id, amount: '140.01' }] },
      owner(),
    );
    expect(over.status).toBe(400);
    const partial = await api.post(
      `/api/v1/invoices/${invoice.id}/credit-notes`,
      { reason: 'One hour billed twice', lines: [{ lineId: hours40.id, amount: '40' }] },
      owner(),
    );
    expect(partial.status).toBe(201);
    // 40.00 + 20 % = 48.00
    expect(partial.body).toMatchObject({
      kind: 'credit_note',
      number: `CN-${month.year}-0001`,
      subtotal: '40.00',
      taxAmount: '8.00',
      total: '48.00',
    });
    expect(partial.body.creditNoteFor).toMatchObject({ id: invoice.id, number: `INV-${month.year}-0001` });
    const after = await api.get(`/api/v1/invoices/${invoice.id}`, owner());
    expect(after.body).toMatchObject({ amountCredited: '48.00', amountDue: '952.00' });

    const rest = await api.post(`/api/v1/invoices/${invoice.id}/credit-notes`, { reason: 'Cancelled the month' }, owner());
    // What is left: 1238.70 - 48.00 = 1190.70 (992.25 + the rest of the tax, 198.45)
    expect(rest.body).toMatchObject({ number: `CN-${month.year}-0002`, subtotal: '992.25', taxAmount: '198.45', total: '1190.70' });
    const settled = await api.get(`/api/v1/invoices/${invoice.id}`, owner());
    expect(settled.body).toMatchObject({ amountCredited: '1238.70', amountDue: '-238.70' });
    expect((await api.post(`/api/v1/invoices/${invoice.id}/credit-notes`, { reason: 'again' }, owner())).status).toBe(400);
    expect((await api.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'no' }, owner())).status).toBe(409);
    const notes = await api.get(`/api/v1/invoices/${rest.body.id}/document`, team.clientAdmin.token);
    expect(notes.body).toMatchObject({ kind: 'credit_note', creditNoteFor: `INV-${month.year}-0001`, total: '1190.70' });
  });

  it('refuses unapproved time and mixed currencies; another tenant and another client get 404', async () => {
    const { api } = stack;
    const waiting = await engagementOf(api, team, { name: 'Waiting', hourlyRate: '30' });
    await logTime(api, team, waiting, [{ day: month.day(6), hours: 1 }]);
    const unapproved = await api.post(
      '/api/v1/invoices',
      { clientAccountId: team.clientId, periodStart: month.start, periodEnd: month.end, engagementIds: [waiting] },
      owner(),
    );
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.message).toContain('not approved');

    const dollars = await engagementOf(api, team, { name: 'Dollars', hourlyRate: '30', currency: 'USD' });
    const mixed = await api.post(
      '/api/v1/invoices',
      { clientAccountId: team.clientId, periodStart: month.start, periodEnd: month.end, engagementIds: [inbox, dollars] },
      owner(),
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toContain('one currency');
    const count = await withOwner((db) => db.query(`SELECT count(*)::int AS n FROM invoices WHERE tenant_id = $1`, [team.tenant.tenantId]));
    expect(count.rows[0].n).toBe(3); // the invoice and its two credit notes: nothing half-written

    const outsider = await startInvoiceTeam(api, 'Elsewhere');
    expect((await api.get(`/api/v1/invoices/${invoice.id}`, outsider.tenant.owner.token)).status).toBe(404);
    expect((await api.post(`/api/v1/invoices/${invoice.id}/void`, { reason: 'x' }, outsider.tenant.owner.token)).status).toBe(404);
    const otherClient = await addMember(api, owner(), 'client_admin', await createClientAccount(api, owner(), 'Other Client'));
    expect((await api.get(`/api/v1/invoices/${invoice.id}`, otherClient.token)).status).toBe(404);
  });
});
