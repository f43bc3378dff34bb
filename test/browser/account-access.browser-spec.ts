import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import { WEB_CSP } from '../../apps/web/build-tools/security-headers';
import { PASSWORD, addMember, createClientAccount, createEngagement, signUpTenant, uniqueEmail } from '../support/factories';
import { linkTo, waitForEmailAbout } from '../support/mail-sink';
import { freePort } from '../support/ports';
import { WEB_DIST } from '../support/web-server';
import { newVisitor, screenshot, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

describe('getting in through the web app', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal.close());

  it('a new agency signs up, confirms its email, and follows the first-run guide', async () => {
    const context = await newVisitor(portal.browser);
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const email = uniqueEmail('agency');
    await page.goto(`${portal.web.url}/login`);
    await page.getByRole('link', { name: 'Running an agency? Create your workspace.' }).click();
    await waitForHeading(page, 'Create your agency workspace');
    await page.getByLabel('Agency name').fill('Lumen Assistants');
    expect(await page.getByLabel('Workspace address').inputValue()).toBe('lumen-assistants');
    await page.getByLabel('Workspace address').fill(`lumen-${Date.now()}`);
    await page.getByLabel('Your name').fill('Lena Lumen');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Time zone').selectOption('Europe/Oslo');
    await screenshot(page, 'sign-up-en-1280');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await waitForHeading(page, 'Check your inbox');

    const mail = await waitForEmailAbout(email, 'Confirm your email address');
    const link = linkTo(mail, '/confirm-email');
    expect(link.origin).toBe(portal.web.url);
    await page.goto(link.toString());
    await waitForHeading(page, 'Welcome, Lena Lumen');
    const guide = page.getByTestId('first-run-guide');
    await guide.waitFor();
    expect(await guide.locator('li[data-done="false"]').count()).toBe(3);
    await screenshot(page, 'first-run-guide-en-1280');

    await guide.getByRole('link', { name: 'Add your first client' }).click();
    await page.waitForURL(/\/clients$/);
    const token = (await portal.stack.api.post('/api/v1/auth/login', { email, password: PASSWORD })).body.accessToken;
    await createClientAccount(portal.stack.api, token, 'First Client Ltd');
    await page.goto(`${portal.web.url}/`);
    await page.getByTestId('first-run-guide').locator('li[data-done="true"]').first().waitFor();
    expect(await page.getByTestId('first-run-guide').locator('li[data-done="false"]').count()).toBe(2);
    expect(cspViolations).toEqual([]);
  }, 240_000);

  it('a signed-out client opens a link from an email, signs in by magic link and lands on that page', async () => {
    const tenant = await signUpTenant(portal.stack.api, { tenantName: 'Brightdesk Assistants' });
    const clientId = await createClientAccount(portal.stack.api, tenant.owner.token, 'Acme Bakery');
    const engagement = await createEngagement(portal.stack.api, tenant.owner.token, clientId, { name: 'Inbox care' });
    const client = await addMember(portal.stack.api, tenant.owner.token, 'client_admin', clientId);

    const context = await newVisitor(portal.browser, { viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    await page.goto(`${portal.web.url}/engagements/${engagement.id}`);
    await waitForHeading(page, 'Sign in to Candor');
    await page.getByTestId('magic-link-entry').click();
    await waitForHeading(page, 'Sign in with an emailed link');
    await page.getByLabel('Email', { exact: true }).fill(client.email);
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await page.getByLabel('Code').waitFor();

    const mail = await waitForEmailAbout(client.email, 'sign-in code');
    await page.goto(linkTo(mail, '/magic-link').toString());
    await waitForHeading(page, 'Inbox care');
    expect(new URL(page.url()).pathname).toBe(`/engagements/${engagement.id}`);
    await screenshot(page, 'magic-link-landed-en-375');

    // The same browser is sent to the emailed-link form next time (clients default to it).
    await page.evaluate(() => localStorage.removeItem('candor.session'));
    await page.goto(`${portal.web.url}/login`);
    await waitForHeading(page, 'Sign in with an emailed link');
  }, 240_000);

  it('a staff member turns on two-factor from the security page and must use it at the next sign-in', async () => {
    const tenant = await signUpTenant(portal.stack.api);
    const assistant = await addMember(portal.stack.api, tenant.owner.token, 'assistant');
    const page = await portal.visit(assistant.email);
    await page.goto(`${portal.web.url}/`);
    await page.getByTestId('security-link').click();
    await waitForHeading(page, 'Security');
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code').fill(await generate({ secret }));
    await page.getByRole('button', { name: 'Turn on two-factor' }).click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await page.getByTestId('two-factor-on').waitFor();
    await screenshot(page, 'two-factor-on-en-1280');

    const login = await portal.stack.api.post('/api/v1/auth/login', { email: assistant.email, password: PASSWORD });
    expect(login.body.accessToken).toBeUndefined();
    expect(login.body.mfaToken).toBeDefined();
  }, 240_000);
});

describe('the web server npm start runs', () => {
  it('sends the strict CSP and nosniff, and publishes no source maps', async () => {
    const files = readdirSync(join(WEB_DIST, 'assets'));
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const js of files.filter((f) => f.endsWith('.js')))
      expect(readFileSync(join(WEB_DIST, 'assets', js), 'utf8')).not.toContain('sourceMappingURL');

    const port = await freePort();
    const webDir = join(WEB_DIST, '..');
    const preview = spawn(
      process.execPath,
      [join(__dirname, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort'],
      {
        cwd: webDir,
        env: { ...process.env, WEB_PORT: String(port) },
        stdio: 'ignore',
      },
    );
    try {
      let response: Response | null = null;
      for (let i = 0; i < 100 && !response; i++) {
        response = await fetch(`http://127.0.0.1:${port}/login`).catch(() => null);
        if (!response) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(response!.status).toBe(200);
      expect(response!.headers.get('content-security-policy')).toBe(WEB_CSP);
      expect(response!.headers.get('x-content-type-options')).toBe('nosniff');
      expect(WEB_CSP).toContain("script-src 'self'");
      expect(WEB_CSP).not.toContain('unsafe');
    } finally {
      preview.kill('SIGTERM');
    }
  });
});
