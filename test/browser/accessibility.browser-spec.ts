import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, createClientAccount, signUpTenant, uniqueEmail } from '../support/factories';
import {
  chooseLanguage,
  newVisitor,
  screenshot,
  seriousAccessibilityProblems,
  useSession,
  VIEWPORTS,
  waitForHeading,
} from './support/browser';
import { startPortal, type Portal } from './support/portal';

/** What each page shows as its main heading, per language: proof the page rendered in that language. */
const PAGES = {
  en: { login: 'Sign in to Candor', dashboard: 'Welcome, Olivia Owner', team: 'Team & invitations' },
  ar: { login: 'تسجيل الدخول إلى Candor', dashboard: 'مرحبًا، Olivia Owner', team: 'الفريق والدعوات' },
} as const;

type Language = keyof typeof PAGES;
type Viewport = keyof typeof VIEWPORTS;

let portal: Portal;
let tokens: { accessToken: string; refreshToken: string; expiresIn: number };

beforeAll(async () => {
  portal = await startPortal();
  const { api } = portal.stack;
  const tenant = await signUpTenant(api, { tenantName: 'Brightdesk Assistants', displayName: 'Olivia Owner' });
  // A workspace with something in it, so lists and figures are part of what is checked.
  const clientId = await createClientAccount(api, tenant.owner.token, 'Northwind Bakery');
  await createClientAccount(api, tenant.owner.token, 'Fjord Studio');
  await api.post('/api/v1/invitations', { email: uniqueEmail('assistant'), role: 'assistant' }, tenant.owner.token);
  await api.post(
    '/api/v1/invitations',
    { email: uniqueEmail('client'), role: 'client_admin', clientAccountId: clientId },
    tenant.owner.token,
  );
  tokens = (await api.post('/api/v1/auth/login', { email: tenant.owner.email, password: PASSWORD })).body;
});
afterAll(() => portal.close());

describe.each(Object.keys(PAGES) as Language[])('the main pages in %s', (language) => {
  // A signed-in member reads their profile's language, so the owner speaks the language under test.
  beforeAll(async () => {
    const updated = await portal.stack.api.patch('/api/v1/me', { locale: language }, tokens.accessToken);
    expect(updated.status).toBe(200);
  });

  async function visit(viewport: Viewport, signedIn: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newVisitor(portal.browser, { viewport: VIEWPORTS[viewport] });
    await chooseLanguage(context, language);
    if (signedIn) await useSession(context, tokens);
    return { context, page: await context.newPage() };
  }

  async function check(page: Page, name: string, viewport: Viewport) {
    const html = page.locator('html');
    expect(await html.getAttribute('lang')).toBe(language);
    expect(await html.getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
    // Nothing may stick out sideways, at 375 px least of all.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
    await screenshot(page, `${name}-${language}-${VIEWPORTS[viewport].width}`);
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  }

  it.each(['desktop', 'phone'] as Viewport[])('login (%s)', async (viewport) => {
    const { context, page } = await visit(viewport, false);
    await page.goto(`${portal.web.url}/login`);
    await waitForHeading(page, PAGES[language].login);
    await check(page, 'login', viewport);
    await context.close();
  });

  it.each(['desktop', 'phone'] as Viewport[])('dashboard (%s)', async (viewport) => {
    const { context, page } = await visit(viewport, true);
    await page.goto(`${portal.web.url}/`);
    await waitForHeading(page, PAGES[language].dashboard);
    await page.getByTestId('client-list').getByText('Northwind Bakery').waitFor();
    await page.getByTestId('invitation-list').waitFor();
    await check(page, 'dashboard', viewport);
    await context.close();
  });

  it.each(['desktop', 'phone'] as Viewport[])('team (%s)', async (viewport) => {
    const { context, page } = await visit(viewport, true);
    await page.goto(`${portal.web.url}/team`);
    await waitForHeading(page, PAGES[language].team);
    await page.getByTestId('invitation-list').waitFor();
    await check(page, 'team', viewport);
    await context.close();
  });
});
