import { SAMPLE, uploadVersion } from '@candor/testing';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal, type VisitOptions } from './support/portal';
import { workFixture, type WorkFixture } from './support/work-logging';

const TITLE = 'March newsletter';
const PDF = Buffer.from('%PDF-1.4\n% the March newsletter, first draft\n%%EOF\n');

describe('deliverables through the web app', () => {
  let portal: Portal;
  let fixture: WorkFixture;
  let deliverableId: string;

  beforeAll(async () => {
    portal = await startPortal();
    fixture = await workFixture(portal.stack.api);
  });
  afterAll(async () => {
    await portal.close();
  });

  const open = (email: string, options?: VisitOptions) => portal.visit(email, options);

  const rounds = async () => (await portal.stack.api.get(`/api/v1/deliverables/${deliverableId}`, fixture.owner.token)).body.rounds;

  it('an assistant plans a deliverable and delivers version 1 with a file', async () => {
    const page = await open(fixture.assistant.email);
    await page.goto(`${portal.web.url}/engagements/${fixture.engagementId}`);
    await waitForHeading(page, 'Inbox & calendar management');
    await page.getByRole('button', { name: 'Plan a deliverable' }).click();
    const plan = page.getByRole('form', { name: 'Plan a deliverable' });
    await plan.getByLabel('Title').fill(TITLE);
    // The assignee list comes from GET /members: the whole team, not only this engagement.
    await plan.getByLabel('Assignee').selectOption({ label: 'Test assistant · Assistant' });
    await plan.getByRole('button', { name: 'Create deliverable' }).click();
    await waitForHeading(page, TITLE);
    deliverableId = new URL(page.url()).pathname.split('/').pop()!;

    await page.getByRole('button', { name: 'Deliver version 1' }).click();
    const deliver = page.getByRole('form', { name: 'Deliver version 1' });
    // Nothing chosen: the form says so at the fields and sends nothing.
    await deliver.getByRole('button', { name: 'Deliver' }).click();
    await deliver.getByText('Choose at least one file.').waitFor();
    await deliver.getByLabel('What changed').fill('First draft with the spring opening hours and the Easter menu.');
    await deliver.getByLabel('Files').setInputFiles({ name: 'newsletter-march.pdf', mimeType: 'application/pdf', buffer: PDF });
    await deliver.getByRole('button', { name: 'Deliver' }).click();
    await page.getByTestId('version-list').getByText('First draft with the spring opening hours').waitFor();
    await page.getByText("The latest version waits for the client's review.").waitFor();

    const stored = await portal.stack.api.get(`/api/v1/deliverables/${deliverableId}`, fixture.owner.token);
    expect(stored.body).toMatchObject({ status: 'submitted', versionCount: 1, assignee: { id: fixture.assistant.userId } });
    expect(stored.body.versions[0].files).toEqual([
      expect.objectContaining({ originalName: 'newsletter-march.pdf', contentType: 'application/pdf' }),
    ]);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a refused upload shows the API’s reason', async () => {
    const page = await open(fixture.assistant.email);
    const other = await portal.stack.api.post(
      '/api/v1/deliverables',
      { engagementId: fixture.engagementId, title: 'Price list' },
      fixture.assistant.token,
    );
    await page.goto(`${portal.web.url}/deliverables/${other.body.id}`);
    await waitForHeading(page, 'Price list');
    await page.getByRole('button', { name: 'Deliver version 1' }).click();
    const deliver = page.getByRole('form', { name: 'Deliver version 1' });
    await deliver.getByLabel('What changed').fill('Prices for April.');
    // A PNG's bytes under a .pdf name: the API decides from the bytes and refuses (415).
    await deliver.getByLabel('Files').setInputFiles({ name: 'prices.pdf', mimeType: 'application/pdf', buffer: SAMPLE.png().bytes });
    await deliver.getByRole('button', { name: 'Deliver' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('This kind of file is not accepted.').waitFor();
    await alert.getByText(/prices\.pdf: the name says \.pdf but the content is png/i).waitFor();
  });

  it('the client admin downloads the file and asks for changes, seeing the round it takes first', async () => {
    const page = await open(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/`);
    const needs = page.getByRole('region', { name: 'Needs your attention' });
    await needs.getByRole('link', { name: TITLE, exact: false }).click();
    await waitForHeading(page, TITLE);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download newsletter-march.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('newsletter-march.pdf');
    const path = await download.path();
    expect(require('node:fs').readFileSync(path).equals(PDF)).toBe(true);

    await page.getByRole('button', { name: 'Ask for changes' }).click();
    await page
      .getByTestId('round-preview')
      .getByText('This request takes round 1 of the 2 included in your engagement. Rounds left after it: 1.')
      .waitFor();
    await page.getByLabel('What should change?').fill('Please move the Easter menu above the opening hours.');
    await page.getByRole('button', { name: 'Send the request' }).click();
    await page.getByTestId('revision-requests').getByText('Round 1, included').waitFor();
    expect(await rounds()).toEqual({ included: 2, used: 1, remaining: 1 });
    await screenshot(page, 'deliverable-client-en-1280');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('a client member can ask for changes but not approve', async () => {
    const upload = await uploadVersion(
      await portal.stack.app.getUrl(),
      deliverableId,
      fixture.assistant.token,
      { changeSummary: 'Easter menu moved to the top.' },
      [{ name: 'newsletter-march-v2.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n% version 2\n%%EOF\n') }],
    );
    expect(upload.status).toBe(201);
    const page = await open(fixture.clientMember.email, { viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/deliverables/${deliverableId}`);
    await waitForHeading(page, TITLE);
    await page.getByText("Your company's main contact approves deliverables; you can ask for changes.").waitFor();
    await page.getByRole('button', { name: 'Ask for changes' }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve this version' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  });

  it('the client admin approves version 2', async () => {
    const page = await open(fixture.clientAdmin.email);
    await page.goto(`${portal.web.url}/deliverables/${deliverableId}`);
    await waitForHeading(page, TITLE);
    await page.getByText('Version 2 is ready for you.').waitFor();
    await page.getByRole('button', { name: 'Approve this version' }).click();
    await page.getByText('Approved by Test client_admin.').waitFor();
    const stored = await portal.stack.api.get(`/api/v1/deliverables/${deliverableId}`, fixture.owner.token);
    expect(stored.body).toMatchObject({ status: 'approved', approvedBy: { id: fixture.clientAdmin.userId }, rounds: { used: 1 } });
  });

  it('the staff page in English and the client page in Arabic on a phone', async () => {
    const staff = await open(fixture.assistant.email);
    await staff.goto(`${portal.web.url}/deliverables/${deliverableId}`);
    await waitForHeading(staff, TITLE);
    await staff.getByTestId('version-list').waitFor();
    await screenshot(staff, 'deliverable-en-1280');
    expect(await seriousAccessibilityProblems(staff)).toEqual([]);

    // The profile's language wins over the browser's, as it does for the emails.
    await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, fixture.clientAdmin.token);
    const page = await open(fixture.clientAdmin.email, { viewport: VIEWPORTS.phone, language: 'ar' });
    await page.goto(`${portal.web.url}/deliverables/${deliverableId}`);
    await waitForHeading(page, TITLE);
    await page.getByRole('heading', { level: 3, name: 'الإصدار 2' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    await screenshot(page, 'deliverable-ar-375');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });
});
