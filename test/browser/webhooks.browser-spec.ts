import { Webhook } from 'standardwebhooks';
import { signUpTenant, type TenantFixture } from '../support/factories';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';
import { screenshot, seriousAccessibilityProblems, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { tokensFor } from './support/work-logging';

describe('an owner connects a webhook endpoint from the settings', () => {
  let portal: Portal;
  let receiver: WebhookReceiver;
  let tenant: TenantFixture;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    portal = await startPortal({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8' });
    tenant = await signUpTenant(portal.stack.api, { tenantName: 'Brightdesk Assistants' });
  }, 120_000);
  afterAll(async () => {
    await portal.close();
    await receiver.close();
  });

  it('registers an endpoint, keeps the secret shown once, sends a test event and reads it in the log', async () => {
    const page = await portal.visit(tenant.owner.email);
    await page.goto(`${portal.web.url}/settings`);
    await page.getByRole('link', { name: 'Webhooks: send events to your own systems' }).click();
    await waitForHeading(page, 'Webhooks');
    await page.getByLabel('Endpoint URL').fill(receiver.url('/crm'));
    await page.getByLabel('Description (optional)').fill('Our CRM');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page.getByText('Choose at least one event.').waitFor();
    await page.getByLabel(/Someone joined the workspace/).check();
    await page.getByLabel(/A week was approved/).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    const endpoint = page.getByTestId('webhook-endpoint').filter({ hasText: receiver.url('/crm') });
    await endpoint.getByText('Active').waitFor();
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'webhooks-en-1280');

    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByTestId('webhook-secret').waitFor({ state: 'detached' });
    await endpoint.getByRole('button', { name: 'Send a test event' }).click();
    const [hook] = await eventually(() => (receiver.at('/crm').length ? receiver.at('/crm') : null));
    const headers = Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(hook.headers[h])]));
    expect(new Webhook(secret).verify(hook.body, headers)).toMatchObject({ type: 'webhook.test' });
    await endpoint.getByRole('button', { name: 'Show delivery log' }).click();
    await endpoint.getByTestId('webhook-log').getByText('Delivered').waitFor();
    await endpoint.getByRole('button', { name: 'Send again' }).waitFor();
    await screenshot(page, 'webhooks-log-en-1280');
  });

  it('reads right to left in Arabic on a phone', async () => {
    const { accessToken } = await tokensFor(portal.stack.api, tenant.owner.email);
    expect((await portal.stack.api.patch('/api/v1/me', { locale: 'ar' }, accessToken)).status).toBe(200);
    const page = await portal.visit(tenant.owner.email, { language: 'ar', viewport: VIEWPORTS.phone });
    await page.goto(`${portal.web.url}/settings/webhooks`);
    await waitForHeading(page, 'Webhooks');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('webhook-endpoint').getByText('نشطة').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'webhooks-ar-375');
  });
});
