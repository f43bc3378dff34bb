import { addMember } from '../support/factories';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import type { Member } from '../support/team';
import { submittedWeek, workFixture, type WorkFixture } from './support/work-logging';

const NAME = 'Bookkeeping support';

/** The first day of the month after next, as YYYY-MM-DD: always in the future, never today. */
function firstOfMonthAfterNext(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 1)).toISOString().slice(0, 10);
}

describe('engagement management through the web app', () => {
  let portal: Portal;
  let fixture: WorkFixture;
  let manager: Member;
  let engagementId: string;

  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
    manager = await addMember(portal.stack.api, fixture.owner.token, 'manager');
  });
  afterAll(async () => {
    await portal.close();
  });

  it('a manager creates an engagement with an assistant and adds a rate from a date', async () => {
    const page = await portal.visit(manager.email);
    await page.goto(`${portal.web.url}/engagements`);
    await waitForHeading(page, 'Engagements');
    await page.getByRole('button', { name: 'New engagement' }).click();
    const form = page.getByRole('form', { name: 'Create engagement' });
    // Nothing filled in: the form says what is missing at the fields and sends nothing.
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await form.getByText('Enter an amount with at most two decimals, such as 45 or 45.50.').waitFor();
    await form.getByLabel('Client').selectOption({ label: 'Acme Bakery' });
    await form.getByLabel('Name').fill(NAME);
    await form.getByLabel('Hourly rate').fill('40');
    await form.getByLabel('Test assistant').check();
    await form.getByLabel('Expectations').fill('Receipts filed every Friday.');
    await form.getByRole('button', { name: 'Create engagement' }).click();
    await waitForHeading(page, NAME);
    engagementId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('Receipts filed every Friday.').waitFor();

    const stored = await portal.stack.api.get(`/api/v1/engagements/${engagementId}`, fixture.owner.token);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({
      name: NAME,
      currency: 'EUR',
      currentRate: { hourlyRate: '40.00' },
      assistants: [{ id: fixture.assistant.userId }],
    });

    const from = firstOfMonthAfterNext();
    await page.getByRole('button', { name: 'Add a rate' }).click();
    const rate = page.getByRole('form', { name: 'Add a rate' });
    await rate.getByLabel('Hourly rate (EUR)').fill('48.50');
    await rate.getByLabel('Applies from').fill(from);
    await rate.getByRole('button', { name: 'Save rate' }).click();
    await page.getByText('The new rate is in the history.').waitFor();
    await page.getByTestId('rate-history').getByRole('listitem').nth(1).waitFor();
    expect(await page.getByTestId('rate-history').getByRole('listitem').count()).toBe(2);

    // The same day again: the API's 409 appears at the date it is about.
    await page.getByRole('button', { name: 'Add a rate' }).click();
    await rate.getByLabel('Hourly rate (EUR)').fill('50');
    await rate.getByLabel('Applies from').fill(from);
    await rate.getByRole('button', { name: 'Save rate' }).click();
    await rate.getByText(`A rate already starts on ${from}`).waitFor();
    expect(await rate.getByLabel('Applies from').getAttribute('aria-invalid')).toBe('true');
    await rate.getByRole('button', { name: 'Cancel' }).click();

    const rates = await portal.stack.api.get(`/api/v1/engagements/${engagementId}/rates`, fixture.owner.token);
    expect(rates.body.map((r: { hourlyRate: string; effectiveFrom: string }) => r.hourlyRate).sort()).toEqual(['40.00', '48.50']);
    await screenshot(page, 'engagement-management-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a manager creates a share link for the week, copies its address and revokes it', async () => {
    const page = await portal.visit(manager.email);
    await page.goto(`${portal.web.url}/engagements/${engagementId}/timesheet`);
    await waitForHeading(page, `Timesheet: ${NAME}`);
    await page.getByRole('button', { name: 'Create share link' }).click();
    const created = page.getByTestId('new-share-link');
    const url = await created.getByLabel('Link').inputValue();
    expect(url).toContain('/api/v1/shared-reports/');
    const links = page.getByTestId('share-links');
    await links.getByText('Active').waitFor();

    // Anyone with the address reads the week until the link is revoked.
    expect((await page.request.get(url)).status()).toBe(200);
    await links.getByRole('button', { name: /^Revoke the link for/ }).click();
    await links.getByText('Revoked', { exact: true }).waitFor();
    expect((await page.request.get(url)).status()).toBe(410);

    const stored = await portal.stack.api.get(`/api/v1/engagements/${engagementId}/share-links`, fixture.owner.token);
    expect(stored.body).toEqual([expect.objectContaining({ period: 'week', revokedAt: expect.any(String) })]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a manager corrects a submitted entry with a reason and adjusts a locked one, both in the edit trail', async () => {
    const { api } = portal.stack;
    const open = await submittedWeek(api, fixture, 2);
    const approved = await submittedWeek(api, fixture, 3);
    expect((await api.post(`/api/v1/timesheet-weeks/${approved}/approve`, {}, fixture.clientAdmin.token)).status).toBe(200);
    const page = await portal.visit(manager.email);

    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}/weeks/${open}`);
    const entries = page.getByTestId('week-entries');
    await entries.getByRole('button', { name: 'Correct this entry' }).first().click();
    const correct = entries.getByRole('form', { name: 'Correct this entry' });
    await correct.getByLabel('Notes').fill('Cleared the orders inbox; answered both wholesale enquiries.');
    await correct.getByLabel('Reason').fill('ok');
    await correct.getByRole('button', { name: 'Save correction' }).click();
    await correct.getByText('Write a reason of at least 3 characters.').waitFor();
    await correct.getByLabel('Reason').fill('Both enquiries were answered the same day.');
    await correct.getByRole('button', { name: 'Save correction' }).click();
    await entries.getByText('Entry corrected.').waitFor();
    await entries.getByText('Conversation and changes').first().click();
    await entries.getByText('Both enquiries were answered the same day.').waitFor();

    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}/weeks/${approved}`);
    await entries.getByRole('button', { name: 'Add an adjusting entry' }).first().click();
    const adjust = entries.getByRole('form', { name: 'Add an adjusting entry' });
    await adjust.getByLabel('Minutes').fill('-15');
    await adjust.getByLabel('Notes').fill('The supplier call was 15 minutes shorter.');
    await adjust.getByLabel('Reason').fill('The call ended at 13:30, not 13:45.');
    await adjust.getByRole('button', { name: 'Add adjusting entry' }).click();
    await entries.getByText('Adjusting entry added.').waitFor();
    await entries.getByText('Conversation and changes').first().click();
    await entries.getByText('Adjusting entry: -15 min').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a manager pauses the engagement, raises its rounds and takes the assistant off', async () => {
    const page = await portal.visit(manager.email);
    await page.goto(`${portal.web.url}/engagements/${engagementId}`);
    await waitForHeading(page, NAME);
    await page.getByRole('button', { name: 'Edit engagement' }).click();
    const form = page.getByRole('form', { name: 'Save changes' });
    await form.getByLabel('Status').selectOption('paused');
    await form.getByLabel('Included revision rounds').fill('101');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Enter a whole number from 0 to 100.').waitFor();
    await form.getByLabel('Included revision rounds').fill('3');
    await form.getByLabel('Test assistant').uncheck();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Nobody assigned yet').waitFor();
    const stored = await portal.stack.api.get(`/api/v1/engagements/${engagementId}`, fixture.owner.token);
    expect(stored.body).toMatchObject({ status: 'paused', includedRevisionRounds: 3, assistants: [] });
  });

  // Last: the manager's profile language becomes Arabic from here on.
  it('the share links read in Arabic on a phone', async () => {
    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, manager.token);
    const page = await portal.visit(manager.email, { viewport: VIEWPORTS.phone, language: 'ar' });
    await page.goto(`${portal.web.url}/engagements/${engagementId}/timesheet`);
    await page.getByTestId('share-links').getByText('ملغى').waitFor({ timeout: 15_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'engagement-share-links-ar-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
