import { addMember, signUpTenant, uniqueEmail } from '../support/factories';
import { emailsTo, waitForEmails } from '../support/mail-sink';
import { insertNotification, notificationTo, waitForNotificationStatus } from '../support/notifications';
import { withOwner } from '../support/owner-db';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { tokensFor } from './support/work-logging';

const REFUSED = (email: string) => `550 5.1.1 <${email}>: mailbox unavailable`;

describe('a manager finds an email that bounced and sends it again', () => {
  let portal: Portal;
  let managerEmail: string;
  let invitee: string;
  let billing: string;

  beforeAll(async () => {
    portal = await startPortal();
    const { api } = portal.stack;
    const tenant = await signUpTenant(api, { tenantName: 'Brightdesk Assistants' });
    managerEmail = (await addMember(api, tenant.owner.token, 'manager')).email;

    // An invitation the mail server refused: written by the API, then marked as the worker records a bounce.
    await portal.stack.worker!.relay.stop();
    invitee = uniqueEmail('typo');
    expect((await api.post('/api/v1/invitations', { email: invitee, role: 'assistant' }, tenant.owner.token)).status).toBe(201);
    await withOwner((client) =>
      client.query(
        `UPDATE notifications SET status = 'failed', attempts = 5, failure_kind = 'permanent', last_error = $2 WHERE recipient_email = $1`,
        [invitee, REFUSED(invitee)],
      ),
    );
    portal.stack.worker!.relay.start();

    // A client whose billing address bounced.
    billing = uniqueEmail('billing');
    expect((await api.post('/api/v1/client-accounts', { name: 'Harbour Bakery', billingEmail: billing }, tenant.owner.token)).status).toBe(
      201,
    );
    await insertNotification(tenant.tenantId, { recipient_email: billing, template: 'week_submitted', last_error: REFUSED(billing) });
  }, 120_000);
  afterAll(() => portal.close());

  it('shows the bounce on the team and clients pages', async () => {
    const page = await portal.visit(managerEmail);
    await page.goto(`${portal.web.url}/team`);
    const invitation = page.getByTestId('invitation-list').getByRole('listitem').filter({ hasText: invitee });
    await invitation.getByText('Email bounces').waitFor();
    expect(await invitation.getByTestId('bounced-flag').getAttribute('title')).toBe(REFUSED(invitee));
    await screenshot(page, 'team-bounced-en-1280');

    await page.goto(`${portal.web.url}/clients`);
    await page.getByTestId('client-list').getByRole('listitem').filter({ hasText: 'Harbour Bakery' }).getByText('Email bounces').waitFor();
  });

  it('lists the failed email with its reason, and sends it again once after a confirmation', async () => {
    const page = await portal.visit(managerEmail);
    await page.goto(`${portal.web.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Failed emails' }).click();
    await waitForHeading(page, 'Failed deliveries');
    const row = page.getByTestId('delivery-row').filter({ hasText: invitee });
    await row.getByText(REFUSED(invitee)).waitFor();
    expect(await row.textContent()).toContain('5 attempts');
    expect(await row.textContent()).toContain('Invitation');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'failed-deliveries-en-1280');

    await row.getByRole('button', { name: `Send again to ${invitee}` }).click();
    await row.getByText(`${invitee} will get this email once more`).waitFor();
    // Cancelling sends nothing.
    await row.getByRole('button', { name: 'Cancel' }).click();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await notificationTo(invitee)).status).toBe('failed');

    await row.getByRole('button', { name: `Send again to ${invitee}` }).click();
    await row.getByRole('button', { name: 'Yes, send it again' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The email to ${invitee} is back in the queue` })
      .waitFor();
    await waitForEmails(invitee, 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await emailsTo(invitee)).toHaveLength(1);
    expect(await waitForNotificationStatus(invitee, 'sent', 5_000)).toMatchObject({ resends: 1 });
    // Sent: it leaves the list; the other bounce stays.
    await page.getByTestId('delivery-row').filter({ hasText: invitee }).waitFor({ state: 'detached' });
    await page.getByTestId('delivery-row').filter({ hasText: billing }).waitFor();
  });

  it('reads right to left in Arabic on a phone', async () => {
    // The profile's language wins over the browser's; this runs last, as it changes the manager's.
    const { accessToken } = await tokensFor(portal.stack.api, managerEmail);
    expect((await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, accessToken)).status).toBe(200);
    const page = await portal.visit(managerEmail, { language: 'ar', viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/deliveries`);
    await waitForHeading(page, 'رسائل تعذّر تسليمها');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('delivery-row').filter({ hasText: billing }).getByText('تعذّر الإرسال').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'failed-deliveries-ar-375');
  });
});
