import { withOwner } from '../support/owner-db';
import { newVisitor, screenshot, seriousAccessibilityProblems, useSession, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { tokensFor, workFixture, type WorkFixture } from './support/work-logging';

describe('an assistant logs time through the web app', () => {
  let portal: Portal;
  let fixture: WorkFixture;
  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
  });
  afterAll(() => portal.close());

  it('runs the timer (it survives a reload), stops it, is told the entry needs notes, adds them and submits the week', async () => {
    const { api } = portal.stack;
    const context = await newVisitor(portal.browser);
    await useSession(context, await tokensFor(api, fixture.assistant.email));
    const page = await context.newPage();
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'Welcome, Test assistant');

    const timer = page.getByRole('region', { name: 'Timer' });
    await timer.getByText('No timer running.').waitFor();
    await timer.getByRole('button', { name: 'Start a timer' }).click();
    // Started without notes: the week cannot be submitted until they are written.
    await timer.getByLabel('Engagement').selectOption({ label: 'Inbox & calendar management · Acme Bakery' });
    await timer.getByRole('button', { name: 'Start', exact: true }).click();
    await timer.getByRole('button', { name: 'Stop' }).waitFor();
    await timer.getByText('Inbox & calendar management').waitFor();
    expect(await page.getByTestId('timer-elapsed').textContent()).toMatch(/^0:00:0\d$/);
    expect((await api.get('/api/v1/timer', fixture.assistant.token)).body.timer.engagementId).toBe(fixture.engagementId);

    // The timer lives in the API, not in the page: a reload still shows it running, and it keeps counting.
    await page.waitForTimeout(2_100);
    await page.reload();
    await timer.getByRole('button', { name: 'Stop' }).waitFor();
    await page.waitForFunction(() => /^0:00:0[2-9]$/.test(document.querySelector('[data-testid="timer-elapsed"]')?.textContent ?? ''));
    await screenshot(page, 'assistant-timer-running-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    // Twenty minutes of work later (moved back in the database rather than waited for): a timer
    // stopped within a minute would be discarded, not logged.
    const running = (await api.get('/api/v1/timer', fixture.assistant.token)).body.timer;
    await withOwner((db) => db.query(`UPDATE work_logs SET started_at = started_at - interval '20 minutes' WHERE id = $1`, [running.id]));
    await page.reload();
    await timer.getByRole('button', { name: 'Stop' }).click();
    await timer.getByText('No timer running.').waitFor();
    expect((await api.get('/api/v1/timer', fixture.assistant.token)).body.timer).toBeNull();

    const drafts = page.getByTestId('draft-weeks');
    const week = drafts.getByRole('region', { name: 'Inbox & calendar management' });
    await week.getByText('No notes yet').waitFor();
    await week.getByRole('button', { name: 'Submit week' }).click();
    await week.getByRole('button', { name: 'Yes, submit the week' }).click();
    const refusal = week.getByRole('alert');
    await refusal.getByText("This week can't be submitted yet").waitFor();
    expect(await refusal.textContent()).toContain('Every entry needs notes of what was done');
    await screenshot(page, 'assistant-submit-refused-en-1280');

    await week.getByRole('button', { name: 'Edit entry: No notes yet' }).click();
    await week.getByLabel('What was done').fill('Sorted the support inbox and answered 12 customer questions.');
    await week.getByRole('button', { name: 'Save changes' }).click();
    await week
      .getByText('Sorted the support inbox and answered 12 customer questions.')
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'failed-edit-entry');
        throw error;
      });
    await week.getByRole('button', { name: 'Submit week' }).click();
    await week.getByRole('button', { name: 'Yes, submit the week' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Week submitted. The client has been asked to approve it.' })
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'failed-submit-week');
        throw error;
      });
    await page.getByText('Nothing waiting to be submitted').waitFor();

    // The week now waits for the client, with the timer's entry in it.
    const submitted = page.getByTestId('week-list');
    await submitted.getByText('Waiting for approval').waitFor();
    await screenshot(page, 'assistant-week-submitted-en-1280');
    const weeks = await api.get(`/api/v1/timesheet-weeks?engagementId=${fixture.engagementId}`, fixture.assistant.token);
    expect(weeks.body).toHaveLength(1);
    expect(weeks.body[0]).toMatchObject({ status: 'submitted' });
    const detail = await api.get(`/api/v1/timesheet-weeks/${weeks.body[0].id}`, fixture.assistant.token);
    expect(detail.body.entries).toEqual([
      expect.objectContaining({ source: 'timer', status: 'submitted', notes: expect.stringContaining('support inbox') }),
    ]);
    await context.close();
  });

  it('keeps the timer in view on a phone', async () => {
    const context = await newVisitor(portal.browser, { viewport: VIEWPORTS.phone });
    const tokens = await tokensFor(portal.stack.api, fixture.assistant.email);
    await portal.stack.api.post(
      '/api/v1/timer/start',
      { engagementId: fixture.engagementId, notes: 'Calendar for next week' },
      tokens.accessToken,
    );
    await useSession(context, tokens);
    const page = await context.newPage();
    await page.goto(`${portal.web.url}/engagements`);
    await waitForHeading(page, 'Engagements');
    await page.getByRole('region', { name: 'Timer' }).getByText('Calendar for next week').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'engagements-timer-en-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await portal.stack.api.post('/api/v1/timer/stop', {}, tokens.accessToken);
    await context.close();
  });
});
