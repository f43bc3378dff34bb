import { expectStatus } from '../support/factories';
import { draftInvoice, engagementOf, startInvoiceTeam, type InvoiceTeam } from '../support/invoice-team';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

/** The team's invoice page and the client's portal list, in English and Arabic, wide and narrow. */
describe('invoices in the browser', () => {
  let portal: Portal;
  let team: InvoiceTeam;
  let invoiceId: string;

  beforeAll(async () => {
    portal = await startPortal();
    const { api } = portal.stack;
    team = await startInvoiceTeam(api);
    await expectStatus('tax', api.patch(`/api/v1/client-accounts/${team.clientId}`, { taxRate: '20' }, team.tenant.owner.token));
    await engagementOf(api, team, { name: 'Inbox' });
    const draft = await draftInvoice(api, team);
    invoiceId = draft.id as string;
    const lines = {
      reason: 'Agreed by email',
      add: [
        { description: 'Inbox care, March', quantity: '12.5', unit: 'hour', unitPrice: '45' },
        { description: 'Newsletter setup', quantity: '1', unit: 'item', unitPrice: '120' },
      ],
    };
    await expectStatus('lines', api.patch(`/api/v1/invoices/${invoiceId}/lines`, lines, team.tenant.owner.token));
    await expectStatus('issue', api.post(`/api/v1/invoices/${invoiceId}/issue`, {}, team.tenant.owner.token));
    await expectStatus('send', api.post(`/api/v1/invoices/${invoiceId}/send`, {}, team.tenant.owner.token));
  }, 120_000);
  afterAll(() => portal.close());

  it('shows the team the lines, totals and next steps', async () => {
    const page = await portal.visit(team.tenant.owner.email);
    await page.goto(`${portal.web.url}/invoices/${invoiceId}`);
    await page.getByTestId('invoice-lines').waitFor();
    // 12.5 h x 45 = 562.50, + 120 = 682.50; 20 % tax 136.50; total 819.00
    const totals = (await page.getByTestId('invoice-totals').textContent()) ?? '';
    expect(totals).toContain('682.50');
    expect(totals).toContain('819.00');
    await page.getByRole('button', { name: 'Record the payment' }).waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoice-staff-en-1280');
  });

  it("lists the client's invoices with status and a PDF link, in English and in Arabic on a phone", async () => {
    const page = await portal.visit(team.clientAdmin.email);
    await page.goto(`${portal.web.url}/invoices`);
    await waitForHeading(page, 'Invoices');
    const row = page.getByTestId('invoice-list').getByRole('listitem').first();
    expect(await row.textContent()).toContain('Sent');
    expect(await row.getByRole('link', { name: 'Download PDF' }).getAttribute('href')).toBe(`/api/v1/invoices/${invoiceId}/pdf`);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-client-en-1280');

    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, team.clientAdmin.token);
    const arabic = await portal.visit(team.clientAdmin.email, { language: 'ar', viewport: VIEWPORTS.phone });
    await arabic.goto(`${portal.web.url}/invoices`);
    await waitForHeading(arabic, 'الفواتير');
    await arabic.getByTestId('invoice-list').waitFor();
    expect(await arabic.getAttribute('html', 'dir')).toBe('rtl');
    await screenshot(arabic, 'invoices-client-ar-375');
    await arabic.goto(`${portal.web.url}/invoices/${invoiceId}`);
    await arabic.getByTestId('invoice-lines').waitFor();
    await screenshot(arabic, 'invoice-client-ar-375');
  });
});
