import type { Page } from 'playwright-core';
import { PASSWORD, signUpTenant, uniqueEmail } from '../support/factories';
import { invitationLink, waitForEmails } from '../support/mail-sink';
import { newVisitor, screenshot, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

async function signIn(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('an owner invites an assistant through the web app', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal.close());

  it('signs in, invites by email, and the assistant accepts and lands in their workspace', async () => {
    const tenant = await signUpTenant(portal.stack.api, { tenantName: 'Brightdesk Assistants', displayName: 'Olivia Owner' });

    const owner = await newVisitor(portal.browser);
    const ownerPage = await owner.newPage();
    await signIn(ownerPage, portal.web.url, tenant.owner.email);
    await waitForHeading(ownerPage, 'Welcome, Olivia Owner');
    expect(await ownerPage.getByRole('banner').textContent()).toContain('Brightdesk Assistants');

    await ownerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await waitForHeading(ownerPage, 'Team & invitations');

    // Nothing typed: the form explains itself and marks the field.
    const emailField = ownerPage.getByLabel('Email address');
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage.getByText('Enter an email address.').waitFor();
    expect(await emailField.getAttribute('aria-invalid')).toBe('true');

    const assistantEmail = uniqueEmail('assistant');
    await emailField.fill(assistantEmail);
    await ownerPage.getByLabel('Role').selectOption('assistant');
    await ownerPage.getByRole('button', { name: 'Send invitation' }).click();
    await ownerPage
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${assistantEmail}.` })
      .waitFor();
    await ownerPage.getByTestId('invitation-list').getByText(assistantEmail).waitFor();
    await screenshot(ownerPage, 'team-invitation-sent-en-1280');

    const [message] = await waitForEmails(assistantEmail);
    const link = invitationLink(message!);
    expect(link.url.origin).toBe(portal.web.url);

    const assistant = await newVisitor(portal.browser, { viewport: VIEWPORTS.phone });
    const assistantPage = await assistant.newPage();
    await assistantPage.goto(link.url.toString());
    await waitForHeading(assistantPage, 'Join Brightdesk Assistants');
    expect(await assistantPage.getByLabel('Email').inputValue()).toBe(assistantEmail);
    await screenshot(assistantPage, 'accept-invitation-en-375');

    await assistantPage.getByLabel('Your name').fill('Ada Assistant');
    await assistantPage.getByLabel('Choose a password').fill(PASSWORD);
    await assistantPage.getByLabel('Type the password again').fill(PASSWORD);
    await assistantPage.getByRole('button', { name: 'Accept invitation' }).click();

    await waitForHeading(assistantPage, 'Welcome, Ada Assistant');
    const nav = assistantPage.getByRole('navigation', { name: 'Main' });
    // On a phone the navigation sits behind its menu button.
    await nav.getByRole('button', { name: 'Menu' }).click();
    expect(await nav.getByRole('link', { name: 'Workspace' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Team' }).count()).toBe(0);
    expect(new URL(assistantPage.url()).pathname).toBe('/');
    await screenshot(assistantPage, 'assistant-workspace-en-375');

    // The invitation is no longer pending for the owner.
    await ownerPage.reload();
    await ownerPage.getByText('No open invitations').waitFor();

    await owner.close();
    await assistant.close();
  });

  it("keeps a member's language choice on their profile", async () => {
    const tenant = await signUpTenant(portal.stack.api, { displayName: 'Olivia Owner' });
    const context = await newVisitor(portal.browser);
    const page = await context.newPage();
    await signIn(page, portal.web.url, tenant.owner.email);
    await waitForHeading(page, 'Welcome, Olivia Owner');

    const saved = page.waitForResponse((response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'PATCH');
    await page.getByLabel('Language').selectOption('de');
    await waitForHeading(page, 'Willkommen, Olivia Owner');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect((await saved).status()).toBe(200);
    expect((await portal.stack.api.get('/api/v1/me', tenant.owner.token)).body.user.locale).toBe('de');

    // Another browser, where nobody chose a language: the profile decides once signed in.
    const elsewhere = await newVisitor(portal.browser, { viewport: VIEWPORTS.phone });
    const phone = await elsewhere.newPage();
    await signIn(phone, portal.web.url, tenant.owner.email);
    await waitForHeading(phone, 'Willkommen, Olivia Owner');

    await context.close();
    await elsewhere.close();
  });
});
