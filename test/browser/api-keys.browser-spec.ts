import { addMember, signUpTenant } from '../support/factories';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { tokensFor } from './support/work-logging';

describe('a manager connects a tool with an API key, then revokes it', () => {
  let portal: Portal;
  let managerEmail: string;
  let secret = '';

  beforeAll(async () => {
    portal = await startPortal();
    const tenant = await signUpTenant(portal.stack.api, { tenantName: 'Keystone Assistants' });
    managerEmail = (await addMember(portal.stack.api, tenant.owner.token, 'manager')).email;
  }, 120_000);
  afterAll(() => portal.close());

  it('creates a key with a scope and sees its secret once', async () => {
    const page = await portal.visit(managerEmail);
    await page.goto(`${portal.web.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await waitForHeading(page, 'API keys');
    await page.getByText('No keys yet').waitFor();
    await page.getByLabel('Name').fill('Toggl sync');
    await page.getByLabel('What the key may do').selectOption('time_entries');
    await page.getByText('Reads, and logs time, timers and weeks.').waitFor();
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByTestId('api-key-secret');
    await shown.getByText('is shown only once').waitFor();
    secret = (await shown.locator('code').textContent()) ?? '';
    expect(secret).toMatch(/^cnd_live_[A-Za-z0-9_-]{43}$/);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'api-keys-secret-en-1280');

    // The key works at once with its scope, and the list never shows the secret again.
    expect((await portal.stack.api.get('/api/v1/work-logs', secret)).status).toBe(200);
    await shown.getByRole('button', { name: 'I have saved it' }).click();
    await page.reload();
    const row = page.getByTestId('api-key-row').filter({ hasText: 'Toggl sync' });
    await row.getByText('Time entries').waitFor();
    await row.getByText(/^Last used/).waitFor();
    expect(await page.content()).not.toContain(secret);
    expect(await row.textContent()).toContain(secret.slice(0, 13));
    await screenshot(page, 'api-keys-list-en-1280');
  });

  it('revokes the key after a confirmation; the tool is refused at once', async () => {
    const page = await portal.visit(managerEmail, { viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/settings/api-keys`);
    const row = page.getByTestId('api-key-row').filter({ hasText: 'Toggl sync' });
    await row.getByRole('button', { name: 'Revoke the key Toggl sync' }).click();
    await row.getByText('Tools using it stop working at once').waitFor();
    await screenshot(page, 'api-keys-confirm-en-375');
    await row.getByRole('button', { name: 'Revoke now' }).click();
    await row.getByText('Revoked').waitFor();
    expect((await portal.stack.api.get('/api/v1/work-logs', secret)).status).toBe(401);
  });

  it('reads right to left in Arabic on a phone', async () => {
    const { accessToken } = await tokensFor(portal.stack.api, managerEmail);
    expect((await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, accessToken)).status).toBe(200);
    const page = await portal.visit(managerEmail, { language: 'ar', viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/settings/api-keys`);
    await waitForHeading(page, 'مفاتيح API');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('api-key-row').filter({ hasText: 'Toggl sync' }).getByText('ملغى').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'api-keys-ar-375');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'api-keys-ar-1280');
  });
});
