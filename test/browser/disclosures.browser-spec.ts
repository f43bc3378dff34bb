import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal, type VisitOptions } from './support/portal';
import { workFixture, type WorkFixture } from './support/work-logging';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('disclosures through the web app', () => {
  let portal: Portal;
  let fixture: WorkFixture;
  let arrangedId: string;

  /** A disclosed error with a credit offer and a remedy waiting for the client's sign-off, arranged through the API. */
  async function arrangeRemedyForSignOff(): Promise<string> {
    const { api } = portal.stack;
    const created = await api.post(
      '/api/v1/disclosures',
      {
        engagementId: fixture.engagementId,
        category: 'copy_error',
        severity: 'medium',
        occurredAt: inDays(-2),
        discoveredAt: inDays(-1),
        whatHappened: 'We sent the November newsletter with last year’s opening hours for the Christmas week.',
        impact: 'Around 1,200 subscribers may plan a visit on a day the bakery is closed.',
        apology: 'We are sorry: checking the dates was our job, and we missed it.',
        remedyPlan: 'We send a short correction today and pin the right hours on the website and Instagram.',
        remedyDueAt: inDays(1),
        rootCause: 'The template reused last year’s holiday block without a date check.',
        involvedUserIds: [fixture.assistant.userId],
      },
      fixture.assistant.token,
    );
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    const steps: [string, unknown, string][] = [
      [
        `/api/v1/disclosures/${id}/offers`,
        { kind: 'credit', value: '25.00', currency: 'EUR', note: 'Off your next invoice.' },
        fixture.assistant.token,
      ],
      [`/api/v1/disclosures/${id}/disclose`, {}, fixture.assistant.token],
      [`/api/v1/disclosures/${id}/acknowledge`, {}, fixture.clientMember.token],
      [`/api/v1/disclosures/${id}/propose-remedy`, { remedyDueAt: inDays(1) }, fixture.assistant.token],
    ];
    for (const [path, body, token] of steps) {
      const response = await api.post(path, body, token);
      if (response.status >= 300) throw new Error(`${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    return id;
  }

  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
    arrangedId = await arrangeRemedyForSignOff();
  });
  afterAll(async () => {
    await portal.close();
  });

  const open = (email: string, options?: VisitOptions) => portal.visit(email, options);

  it('an assistant drafts an error with the preview, is refused while the text names them, fixes it and discloses', async () => {
    const page = await open(fixture.assistant.email);
    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}`);
    await waitForHeading(page, 'Inbox & calendar management');
    await page.getByRole('link', { name: 'Disclose an error' }).click();
    await waitForHeading(page, 'Disclose an error');

    const editor = page.getByRole('form', { name: 'Disclose an error' });
    await editor.getByLabel('Category').selectOption('missed_deadline');
    await editor
      .getByLabel('What happened', { exact: true })
      .fill('Test assistant sent the supplier order a day late, so the flour delivery slipped to Friday.');
    await editor
      .getByLabel('What it means for you')
      .fill('Friday’s bread is baked with the reserve flour; the sourdough range is smaller that day.');
    await editor.getByLabel('Our apology').fill('We are sorry. The order was ours to send on time.');
    await editor
      .getByLabel('How we will put it right')
      .fill('We have confirmed Friday’s delivery and set a standing order with a reminder two days ahead.');
    await editor.getByLabel('Kind of offer').selectOption('credit');
    await editor.getByLabel('Amount').fill('40.00');
    await editor.getByLabel('Root cause').fill('Supplier orders depended on one person remembering the cut-off.');
    await editor.getByLabel('Test assistant').check();

    // The preview is the client's view: the facts as typed, signed by the team, the offer in words.
    const preview = page.getByTestId('disclosure-preview');
    await preview.getByText('Friday’s bread is baked with the reserve flour', { exact: false }).waitFor();
    await preview.getByText('From Brightdesk Assistants team').waitFor();
    await preview.getByText('€40.00 credit').waitFor();
    expect(await preview.getByText('Supplier orders depended on one person').count()).toBe(0);

    await page.getByRole('button', { name: 'Disclose to the client' }).click();
    await editor.getByText('This names a person involved ("Test assistant"). Describe it as the team, without names.').waitFor();
    await page.getByRole('alert').getByText('The disclosure was not sent').waitFor();
    await screenshot(page, 'disclosure-editor-refused-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await editor
      .getByLabel('What happened', { exact: true })
      .fill('We sent the supplier order a day late, so the flour delivery slipped to Friday.');
    await page.getByRole('button', { name: 'Disclose to the client' }).click();
    await page.getByTestId('staff-steps').waitFor();
    await page.getByText('Waiting for the client.').waitFor();

    const id = new URL(page.url()).pathname.split('/').pop()!;
    const disclosed = await portal.stack.api.get(`/api/v1/disclosures/${id}`, fixture.assistant.token);
    expect(disclosed.body).toMatchObject({
      status: 'disclosed',
      category: 'missed_deadline',
      involved: [{ id: fixture.assistant.userId }],
    });
    expect(disclosed.body.offers).toEqual([
      expect.objectContaining({ kind: 'credit', value: '40.00', currency: 'EUR', status: 'offered' }),
    ]);
    await screenshot(page, 'disclosure-staff-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a client member reads the remedy and the offer but cannot sign off or answer', async () => {
    const page = await open(fixture.clientMember.email, { viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/disclosures/${arrangedId}`);
    await waitForHeading(page, 'Copy error · Inbox & calendar management');
    await page.getByText('Your company’s main contact signs off the remedy and answers offers.'.replace('’', "'")).first().waitFor();
    expect(await page.getByRole('button', { name: 'Accept the remedy' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Accept offer' }).count()).toBe(0);
    // Blameless: the client never reads who was involved or why internally.
    expect(await page.getByText('Test assistant').count()).toBe(0);
    expect(await page.getByText('The template reused').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the client admin finds it first on the dashboard, accepts the remedy and the offer', async () => {
    const page = await open(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/`);
    const needs = page.getByRole('region', { name: 'Needs your attention' });
    await needs.getByText('Remedy waiting for your sign-off', { exact: false }).waitFor();
    await screenshot(page, 'client-dashboard-disclosure-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await needs.locator(`a[href$="/disclosures/${arrangedId}"]`).click();
    await waitForHeading(page, 'Copy error · Inbox & calendar management');
    await page.getByText('We are sorry: checking the dates was our job, and we missed it.').waitFor();
    await screenshot(page, 'client-disclosure-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('button', { name: 'Accept the remedy' }).click();
    await page.getByText(/^Accepted by Test client_admin on /).waitFor();
    await page.getByRole('button', { name: 'Accept offer' }).click();
    await page.getByTestId('offer-list').getByText('Accepted', { exact: true }).waitFor();

    const seen = await portal.stack.api.get(`/api/v1/disclosures/${arrangedId}`, fixture.clientAdmin.token);
    expect(seen.body.status).toBe('remedy_accepted');
    expect(seen.body.offers).toEqual([expect.objectContaining({ status: 'accepted', value: '25.00', currency: 'EUR' })]);
    expect(JSON.stringify(seen.body)).not.toContain('Test assistant');

    await page.getByRole('link', { name: 'Credits' }).click();
    await page.getByTestId('open-credit').getByText('€25.00').waitFor();
    await screenshot(page, 'client-credits-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the client dashboard in Arabic on a phone', async () => {
    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, fixture.clientAdmin.token);
    const page = await open(fixture.clientAdmin.email, { viewport: VIEWPORTS.phone, language: 'ar' });
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, 'مرحبًا، Test client_admin');
    await page.getByRole('region', { name: 'يحتاج إلى انتباهك' }).getByTestId('disclosure-list').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'client-dashboard-disclosures-ar-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.goto(`${portal.web.url}/disclosures/${arrangedId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'client-disclosure-ar-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('the owner reads the analytics and the lessons', async () => {
    const page = await open(fixture.owner.email);
    await page.goto(`${portal.web.url}/analytics`);
    await waitForHeading(page, 'Disclosure analytics');
    await page.getByTestId('analytics-figures').waitFor();
    await page.getByRole('img', { name: /^Disclosures per month: / }).waitFor();
    await screenshot(page, 'analytics-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);

    await page.getByRole('link', { name: 'Lessons library' }).click();
    await page.getByLabel('Search lessons').fill('template');
    await page.getByTestId('lessons').getByText('The template reused last year’s holiday block without a date check.').waitFor();
    // Only the lesson that matches stays.
    await page.getByText('Supplier orders depended on one person').waitFor({ state: 'detached' });
    await screenshot(page, 'lessons-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
