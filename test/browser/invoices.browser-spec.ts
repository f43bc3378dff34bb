import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expectStatus } from '../support/factories';
import { draftInvoice, engagementOf, startInvoiceTeam, type InvoiceTeam } from '../support/invoice-team';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

/** The team's invoice page and the client's portal list, in English and Arabic, wide and narrow. */
describe('invoices in the browser', () => {
  let portal: Portal;
  let team: InvoiceTeam;
  let invoiceId: string;
  let invoiceNumber: string;

  /** Clicks and answers the file the browser saved: its suggested name and its bytes. */
  async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path()) ?? '') };
  }

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
    const issued = await expectStatus('issue', api.post(`/api/v1/invoices/${invoiceId}/issue`, {}, team.tenant.owner.token));
    invoiceNumber = issued.body.number as string;
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
    const pdf = await downloadBy(page, () => page.getByRole('button', { name: 'Download PDF' }).click());
    expect([pdf.name, pdf.bytes.subarray(0, 4).toString('latin1')]).toEqual([`${invoiceNumber}.pdf`, '%PDF']);
  });

  it('gives the team the accounting CSV of a period', async () => {
    const page = await portal.visit(team.tenant.owner.email);
    await page.goto(`${portal.web.url}/invoices`);
    await waitForHeading(page, 'Invoices');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const today = (await portal.stack.api.get(`/api/v1/invoices/${invoiceId}`, team.tenant.owner.token)).body.issueDate as string;
    await page.getByLabel('Issued from').fill(today);
    await page.getByLabel('Issued until').fill(today);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-staff-export-en-1280');
    const csv = await downloadBy(page, () => page.getByRole('button', { name: 'Download the CSV' }).click());
    expect(csv.name).toBe(`invoices-${today}-${today}.csv`);
    const rows = csv.bytes.toString('utf8').trim().split('\n');
    // The header and the invoice's two lines.
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).every((row) => row.startsWith(`${invoiceNumber},invoice,sent,`))).toBe(true);
  });

  it("lists the client's invoices with status and a PDF download, in English and in Arabic on a phone", async () => {
    const page = await portal.visit(team.clientAdmin.email);
    await page.goto(`${portal.web.url}/invoices`);
    await waitForHeading(page, 'Invoices');
    const row = page.getByTestId('invoice-list').getByRole('listitem').first();
    expect(await row.textContent()).toContain('Sent');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'invoices-client-en-1280');
    const pdf = await downloadBy(page, () => row.getByRole('button', { name: 'Download PDF' }).click());
    expect([pdf.name, pdf.bytes.subarray(0, 4).toString('latin1')]).toEqual([`${invoiceNumber}.pdf`, '%PDF']);

    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, team.clientAdmin.token);
    const arabic = await portal.visit(team.clientAdmin.email, { language: 'ar', viewport: VIEWPORTS.phone });
    await arabic.goto(`${portal.web.url}/invoices`);
    await waitForHeading(arabic, 'الفواتير');
    await arabic.getByTestId('invoice-list').waitFor();
    expect(await arabic.getAttribute('html', 'dir')).toBe('rtl');
    await arabic.getByRole('button', { name: 'تنزيل PDF' }).first().waitFor();
    await screenshot(arabic, 'invoices-client-ar-375');
    const arabicPdf = await downloadBy(arabic, () => arabic.getByRole('button', { name: 'تنزيل PDF' }).first().click());
    expect(arabicPdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await arabic.goto(`${portal.web.url}/invoices/${invoiceId}`);
    await arabic.getByTestId('invoice-lines').waitFor();
    await screenshot(arabic, 'invoice-client-ar-375');
  });
});
