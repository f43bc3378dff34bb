import { withOwner } from '../support/owner-db';
import { screenshot, seriousAccessibilityProblems, useSession, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { mondayBefore, submittedWeek, tokensFor, workFixture, type WorkFixture } from './support/work-logging';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
// Each test walks a whole path through the app on a machine shared with other builds.
jest.setTimeout(150_000);

const AGREED = 'We correct the text the same day and send the corrected version to everyone who got it.';

/** The defects of issue 12 as a person meets them in the browser, each walked through the way they were found. */
describe('what people see in the browser is true', () => {
  let portal: Portal;
  let fixture: WorkFixture;

  /** A disclosed error of the engagement, arranged through the API by the owner. */
  async function disclosedError(whatHappened: string): Promise<string> {
    const { api } = portal.stack;
    const created = await api.post(
      '/api/v1/disclosures',
      {
        engagementId: fixture.engagementId,
        category: 'other',
        severity: 'low',
        occurredAt: inHours(-30),
        discoveredAt: inHours(-26),
        whatHappened,
        impact: 'The shop showed the wrong opening hours for a day.',
        apology: 'We are sorry; that was ours to check.',
      },
      fixture.owner.token,
    );
    expect(created.status).toBe(201);
    expect((await api.post(`/api/v1/disclosures/${created.body.id}/disclose`, {}, fixture.owner.token)).status).toBe(200);
    return created.body.id as string;
  }

  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
  });
  afterAll(() => portal.close());

  it('keeps the remedy agreed up front through a refused disclose, and the client accepts it without acknowledging first', async () => {
    const { api } = portal.stack;
    const policy = await api.put(
      `/api/v1/engagements/${fixture.engagementId}/remedy-policies/copy_error`,
      { remedyPlan: AGREED, remedyDueHours: 48 },
      fixture.owner.token,
    );
    expect(policy.status).toBe(200);

    const page = await portal.visit(fixture.assistant.email);
    await page.goto(`${portal.web.url}/disclosures/new?engagementId=${fixture.engagementId}`);
    const editor = page.getByRole('form', { name: 'Disclose an error' });
    await editor.getByLabel('Category').selectOption('copy_error');
    // The editor shows the agreed remedy, as the API would fill it in.
    const remedy = editor.getByLabel('How we will put it right');
    await page.waitForFunction((text) => [...document.querySelectorAll('textarea')].some((area) => area.value === text), AGREED);
    await page.getByTestId('agreed-remedy-note').waitFor();
    await editor.getByLabel('What happened', { exact: true }).fill('Test assistant pasted last year’s prices into the spring catalogue.');
    await editor.getByLabel('What it means for you').fill('Two customers saw prices that are no longer right.');
    await editor.getByLabel('Our apology').fill('We are sorry; checking the prices was our job.');
    await editor.getByLabel('Test assistant').check();
    await page.getByRole('button', { name: 'Disclose to the client' }).click();
    await editor.getByText('This names a person involved ("Test assistant"). Describe it as the team, without names.').waitFor();
    await screenshot(page, 'remedy-policy-refused-en-1280');
    expect(await remedy.inputValue()).toBe(AGREED);

    await editor.getByLabel('What happened', { exact: true }).fill('We pasted last year’s prices into the spring catalogue.');
    await page.getByRole('button', { name: 'Disclose to the client' }).click();
    await page.getByTestId('staff-steps').waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const stored = await api.get(`/api/v1/disclosures/${id}`, fixture.owner.token);
    expect(stored.body).toMatchObject({ status: 'disclosed', remedyPlan: AGREED });

    // The client reads the agreed remedy and accepts it in one step.
    const client = await portal.visit(fixture.clientAdmin.email);
    await client.goto(`${portal.web.url}/disclosures/${id}`);
    await client.getByText(AGREED).first().waitFor();
    expect(await client.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await client.getByRole('button', { name: 'Accept the remedy' }).click();
    await client.getByText(/^Accepted by Test client_admin on /).waitFor();
    await screenshot(client, 'remedy-accepted-at-once-en-1280');
    expect((await api.get(`/api/v1/disclosures/${id}`, fixture.clientAdmin.token)).body.status).toBe('remedy_accepted');
  });

  it('asks before submitting a week, and sends it only when confirmed', async () => {
    const { api } = portal.stack;
    const monday = mondayBefore(2);
    const created = await api.post(
      '/api/v1/work-logs',
      {
        engagementId: fixture.engagementId,
        startedAt: `${monday}T09:00:00.000Z`,
        endedAt: `${monday}T10:30:00.000Z`,
        notes: 'Answered the wholesale enquiries.',
      },
      fixture.assistant.token,
    );
    expect(created.status).toBe(201);
    const weeks = async () =>
      (await api.get(`/api/v1/timesheet-weeks?engagementId=${fixture.engagementId}`, fixture.assistant.token)).body as {
        weekStart: string;
      }[];
    const before = (await weeks()).length;

    const page = await portal.visit(fixture.assistant.email);
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'Welcome, Test assistant');
    const week = page.getByTestId('draft-weeks').getByRole('region', { name: 'Inbox & calendar management' });
    await week.getByRole('button', { name: 'Submit week' }).click();
    const confirm = week.getByRole('group', { name: 'Submit this week?' });
    await confirm.getByText('Send 1:30 h for the week of', { exact: false }).waitFor();
    await screenshot(page, 'submit-week-confirm-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    expect(await weeks()).toHaveLength(before);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    expect(await weeks()).toHaveLength(before);

    await week.getByRole('button', { name: 'Submit week' }).click();
    await confirm.getByRole('button', { name: 'Yes, submit the week' }).click();
    await page.getByRole('status').filter({ hasText: 'Week submitted. The client has been asked to approve it.' }).waitFor();
    expect((await weeks()).map((w) => w.weekStart)).toContain(monday);
  });

  it('times fix work against an open disclosure from the timer, shown as fixed at no charge, and discards a timer stopped at once', async () => {
    const { api } = portal.stack;
    const disclosureId = await disclosedError('The opening hours on the shop page were last week’s.');
    const page = await portal.visit(fixture.assistant.email);
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'Welcome, Test assistant');
    const timer = page.getByRole('region', { name: 'Timer' });
    await timer.getByRole('button', { name: 'Start a timer' }).click();
    await timer.getByLabel('Engagement').selectOption({ label: 'Inbox & calendar management · Acme Bakery' });
    const fix = timer.getByLabel('Fixing a disclosed error');
    await fix.selectOption({ index: 1 });
    await timer.getByLabel('What are you working on?').fill('Correcting the opening hours');
    await timer.getByRole('button', { name: 'Start', exact: true }).click();
    await timer.getByRole('button', { name: 'Stop' }).waitFor();
    const running = (await api.get('/api/v1/timer', fixture.assistant.token)).body.timer;
    expect(running).toMatchObject({ disclosureId, billable: false, fixedAtNoCharge: true });

    // Twenty minutes of work later (moved back in the database rather than waited for).
    await withOwner((db) => db.query(`UPDATE work_logs SET started_at = started_at - interval '20 minutes' WHERE id = $1`, [running.id]));
    await page.reload();
    await timer.getByRole('button', { name: 'Stop' }).click();
    await timer.getByText('No timer running.').waitFor();
    const drafts = page.getByTestId('draft-weeks');
    const entry = drafts.getByRole('listitem').filter({ hasText: 'Correcting the opening hours' });
    await entry.getByText('Fixing our error, no charge').waitFor();
    await screenshot(page, 'fix-time-from-timer-en-1280');
    const stopped = (await api.get(`/api/v1/work-logs/${running.id}`, fixture.assistant.token)).body;
    expect(stopped).toMatchObject({ disclosureId, billable: false, amount: '0.00' });
    expect(stopped.durationSeconds).toBeGreaterThanOrEqual(1200);

    // A timer stopped after a few seconds asks, and is discarded rather than billed as 0:00 h.
    const count = async () =>
      (await api.get(`/api/v1/work-logs?engagementId=${fixture.engagementId}&status=draft&limit=100`, fixture.assistant.token)).body.items
        .length;
    const before = await count();
    await timer.getByRole('button', { name: 'Start a timer' }).click();
    await timer.getByLabel('Engagement').selectOption({ label: 'Inbox & calendar management · Acme Bakery' });
    await timer.getByRole('button', { name: 'Start', exact: true }).click();
    await timer.getByRole('button', { name: 'Stop' }).click();
    await timer.getByText('This timer has run for less than a minute.', { exact: false }).waitFor();
    await screenshot(page, 'short-timer-question-en-1280');
    await timer.getByRole('button', { name: 'Stop and discard' }).click();
    await timer.getByText('The timer ran for less than a minute and was discarded: nothing was logged.').waitFor();
    expect((await api.get('/api/v1/timer', fixture.assistant.token)).body.timer).toBeNull();
    expect(await count()).toBe(before);
  });

  it("shows the client's timesheet in the agency's time zone, as the CSV and the report have it, without drafts", async () => {
    const { api } = portal.stack;
    await submittedWeek(api, fixture, 4);
    const monday = mondayBefore(4);
    // A draft in the same week: not the client's to see, on any of the four.
    const draft = await api.post(
      '/api/v1/work-logs',
      {
        engagementId: fixture.engagementId,
        startedAt: `${monday}T15:00:00.000Z`,
        endedAt: `${monday}T17:00:00.000Z`,
        notes: 'DRAFT-ONLY work',
      },
      fixture.assistant.token,
    );
    expect(draft.status).toBe(201);

    // The client reads from New York; the agency is in Berlin.
    const context = await portal.browser.newContext({ viewport: VIEWPORTS.desktop, locale: 'en-GB', timezoneId: 'America/New_York' });
    await useSession(context, await tokensFor(api, fixture.clientAdmin.email));
    const page = await context.newPage();
    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}/timesheet?period=week&start=${monday}`);
    const entries = page.getByTestId('timesheet-entries');
    await entries.waitFor();
    const screenText = await entries.innerText();
    const totals = await page.getByTestId('timesheet-totals').innerText();
    await page.getByText('Europe/Berlin', { exact: false }).first().waitFor();
    await screenshot(page, 'client-timesheet-agency-zone-en-1280');
    await context.close();

    const query = `period=week&start=${monday}`;
    const csv = await api.getText(`/api/v1/engagements/${fixture.engagementId}/timesheet/csv?${query}`, fixture.clientAdmin.token);
    const report = await api.getText(`/api/v1/engagements/${fixture.engagementId}/timesheet/report?${query}`, fixture.clientAdmin.token);
    const link = await api.post(
      `/api/v1/engagements/${fixture.engagementId}/share-links`,
      { period: 'week', start: monday },
      fixture.clientAdmin.token,
    );
    const shared = await api.getText(new URL(link.body.url).pathname);
    // 08:00 and 13:00 UTC are 09:00 and 14:00 in Berlin: the screen (in English, "9:00 AM") and every export say so.
    expect([/\b9:00\sAM/u.test(screenText), /\b2:00\sPM/u.test(screenText), screenText.includes('DRAFT-ONLY')]).toEqual([
      true,
      true,
      false,
    ]);
    for (const [name, text] of [
      ['csv', csv.text],
      ['report', report.text],
      ['share link', shared.text],
    ] as const) {
      expect([name, text.includes('09:00'), text.includes('14:00'), text.includes('DRAFT-ONLY')]).toEqual([name, true, true, false]);
    }
    expect(csv.text).toContain('time zone,Europe/Berlin');
    expect(csv.text).toContain('total hours,2.25');
    expect(totals).toContain('2:15');
    expect(report.text).toContain('times in Europe/Berlin');
  });

  it('serves /robots.txt as a text file, and a page that is not there offers no "Try again"', async () => {
    const robots = await fetch(`${portal.web.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers.get('content-type')).toContain('text/plain');
    expect(await robots.text()).toMatch(/^User-agent: \*/);

    const page = await portal.visit(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/engagements/00000000-0000-4000-8000-000000000000`);
    await page.getByText("This engagement doesn't exist or isn't visible to you.").waitFor();
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });
});
