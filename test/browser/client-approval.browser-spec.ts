import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal, type VisitOptions } from './support/portal';
import { submittedWeek, workFixture, type WorkFixture } from './support/work-logging';

describe('a client decides on submitted weeks through the web app', () => {
  let portal: Portal;
  let fixture: WorkFixture;
  let approveId: string;
  let disputeId: string;

  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
    approveId = await submittedWeek(portal.stack.api, fixture, 1);
    disputeId = await submittedWeek(portal.stack.api, fixture, 2);
  });
  afterAll(async () => {
    await portal.close();
  });

  const open = (email: string, options?: VisitOptions) => portal.visit(email, options);

  const weekUrl = (id: string) => `${portal.web.url}/engagements/${fixture.engagementId}/weeks/${id}`;

  it('the client admin finds the week on the dashboard and approves it', async () => {
    const page = await open(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'Welcome, Test client_admin');
    const waiting = page.getByRole('region', { name: 'Weeks waiting for your approval' });
    // The dashboard loads its sections side by side; count once this one has arrived.
    await waiting.getByTestId('week-list').waitFor();
    expect(await waiting.getByTestId('week-list').getByRole('listitem').count()).toBe(2);
    await screenshot(page, 'client-dashboard-waiting-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await waiting.locator(`a[href$="/weeks/${approveId}"]`).click();
    await page.getByTestId('week-entries').getByText('Cleared the orders inbox; flagged two wholesale enquiries.').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Week of /);
    await screenshot(page, 'client-week-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Approve week' }).click();
    await page
      .getByRole('status')
      .getByText(/^Approved on .*These entries are locked\.$/)
      .waitFor();
    const week = await portal.stack.api.get(`/api/v1/timesheet-weeks/${approveId}`, fixture.clientAdmin.token);
    expect(week.body.status).toBe('approved');
    expect(week.body.entries.map((entry: { status: string }) => entry.status)).toEqual(['locked', 'locked']);
    await screenshot(page, 'client-week-approved-en-1280');
  });

  it('a client member reads the week but has no decision to make', async () => {
    const page = await open(fixture.clientMember.email, { viewport: VIEWPORTS.phone });
    await page.goto(weekUrl(disputeId));
    await page.getByText("Waiting for your company's main contact to approve this week.").waitFor();
    expect(await page.getByRole('button', { name: 'Approve week' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Dispute entries' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'client-member-week-en-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the client admin disputes one entry with a comment, and the team answers it', async () => {
    const page = await open(fixture.clientAdmin.email, { viewport: VIEWPORTS.phone });
    await page.goto(weekUrl(disputeId));
    await page.getByRole('button', { name: 'Dispute entries' }).click();
    const form = page.getByRole('form', { name: 'Dispute entries' });
    // Nothing chosen: the form says what it needs.
    await form.getByRole('button', { name: 'Send dispute' }).click();
    await form.getByText('Choose at least one entry to dispute.').waitFor();

    const checkboxes = form.getByLabel('Dispute this entry');
    await checkboxes.nth(1).check();
    await form.getByRole('button', { name: 'Send dispute' }).click();
    await form.getByText('Say what is wrong with this entry.').waitFor();
    await form.getByLabel('What is wrong with this entry?').fill('I do not remember a supplier call that week. Can you check?');
    await screenshot(page, 'client-dispute-form-en-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await form.getByRole('button', { name: 'Send dispute' }).click();
    await page.getByText('You disputed entries of this week.', { exact: false }).waitFor();

    const disputed = await portal.stack.api.get(`/api/v1/timesheet-weeks/${disputeId}`, fixture.clientAdmin.token);
    expect(disputed.body.status).toBe('disputed');
    expect(disputed.body.entries.map((entry: { status: string }) => entry.status)).toEqual(['submitted', 'disputed']);

    // The owner sees the disputed week and answers from the entry's conversation.
    const staff = await open(fixture.owner.email);
    await staff.goto(`${portal.web.url}/`);
    await staff.getByRole('region', { name: 'Disputed weeks to answer' }).locator(`a[href$="/weeks/${disputeId}"]`).click();
    await staff.getByText('I do not remember a supplier call that week. Can you check?').waitFor();
    await staff
      .getByLabel('Your answer to the client')
      .fill('It was the call about the late box delivery on Wednesday; it is in our call log.');
    await screenshot(staff, 'staff-dispute-reply-en-1280');
    expect(await seriousAccessibilityProblems(staff)).toEqual([]);
    await staff.getByRole('button', { name: 'Send answer' }).click();
    await staff.getByText('Waiting for the client to approve this week.').waitFor();
    const answered = await portal.stack.api.get(`/api/v1/timesheet-weeks/${disputeId}`, fixture.owner.token);
    expect(answered.body.status).toBe('submitted');
  });

  it('the engagement and its timesheet read well for the client', async () => {
    const page = await open(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}`);
    await waitForHeading(page, 'Inbox & calendar management');
    await page.getByRole('button', { name: 'Accept the terms' }).click();
    await page.getByText(/^Accepted by Test client_admin on /).waitFor();
    await screenshot(page, 'client-engagement-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Timesheet' }).click();
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByTestId('timesheet-totals').waitFor();
    await screenshot(page, 'client-timesheet-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the client dashboard in Arabic on a phone', async () => {
    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, fixture.clientAdmin.token);
    const page = await open(fixture.clientAdmin.email, { viewport: VIEWPORTS.phone, language: 'ar' });
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'مرحبًا، Test client_admin');
    await page.getByRole('region', { name: 'أسابيع بانتظار موافقتك' }).getByTestId('week-list').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'client-dashboard-ar-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
