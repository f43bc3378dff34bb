import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { logoPng, sendMultipart } from '@candor/testing';
import { PASSWORD, createClientAccount, createEngagement, createShareLink, signUpTenant } from '../support/factories';
import { chooseLanguage, newVisitor, seriousAccessibilityProblems, useSession, VIEWPORTS, waitForHeading } from './support/browser';
import { startPortal, type Portal } from './support/portal';

/** Issue 17: two agencies, each in its own brand, on the dashboard, the printable report and the share-link page. */
const SHOTS = '/tmp/candor-shots';
const WELCOME = { en: 'Welcome, Olivia Owner', ar: 'مرحبًا، Olivia Owner' } as const;
const AGENCIES = [
  { key: 'acme', name: 'Acme Assist', color: '#1f5fa8', footer: 'Acme Assist · 1 Main Street, Springfield' },
  { key: 'fjord', name: 'Fjord Helpers', color: '#8a3b12', footer: 'Fjord Helpers AS · Bryggen 4, Bergen' },
] as const;

type Language = keyof typeof WELCOME;
type Viewport = keyof typeof VIEWPORTS;

interface Agency {
  key: string;
  name: string;
  color: string;
  logoUrl: string;
  tokens: { accessToken: string; refreshToken: string; expiresIn: number };
  reportPath: string;
  shareUrl: string;
}

let portal: Portal;
const agencies: Agency[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await startPortal();
  const { api } = portal.stack;
  for (const a of AGENCIES) {
    const tenant = await signUpTenant(api, { tenantName: `${a.name} Ltd`, displayName: 'Olivia Owner' });
    const token = tenant.owner.token;
    expect((await api.patch('/api/v1/brand', { displayName: a.name, primaryColor: a.color, footerText: a.footer }, token)).status).toBe(
      200,
    );
    const logo = await sendMultipart(api.baseUrl, 'PUT', '/api/v1/brand/logo', token, {}, [logoPng(a.color, 180, 48)]);
    expect(logo.status).toBe(200);
    const clientId = await createClientAccount(api, token, 'Northwind Bakery');
    const engagement = await createEngagement(api, token, clientId, { name: 'Inbox and calendar' });
    const link = await createShareLink(api, token, engagement.id, { period: 'month', start: '2026-01-01' });
    agencies.push({
      ...a,
      logoUrl: logo.body.logo.url,
      tokens: (await api.post('/api/v1/auth/login', { email: tenant.owner.email, password: PASSWORD })).body,
      reportPath: `/api/v1/engagements/${engagement.id}/timesheet/report?period=month&start=2026-01-01`,
      shareUrl: link.url,
    });
  }
}, 120_000);
afterAll(() => portal.close());

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
}

/** The report and the share-link page wear the agency's logo, colour and footer, "Powered by Candor" once. */
async function expectBrandedDocument(page: Page, agency: Agency) {
  const logo = page.locator('header.brand img.logo');
  expect(await logo.getAttribute('alt')).toBe(agency.name);
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(180);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe(agency.color);
  expect((await page.locator('body').innerText()).match(/Powered by Candor/g)).toHaveLength(1);
}

describe.each(['en', 'ar'] as Language[])('two agencies in their own brand, in %s', (language) => {
  beforeAll(async () => {
    for (const agency of agencies) {
      expect((await portal.stack.api.patch('/api/v1/me', { locale: language }, agency.tokens.accessToken)).status).toBe(200);
    }
  });

  for (const viewport of ['desktop', 'phone'] as Viewport[]) {
    it(`dashboard (${viewport})`, async () => {
      for (const agency of agencies) {
        const context = await newVisitor(portal.browser, { viewport: VIEWPORTS[viewport] });
        await chooseLanguage(context, language);
        await useSession(context, agency.tokens);
        const page = await context.newPage();
        await page.goto(`${portal.web.url}/`);
        await waitForHeading(page, WELCOME[language]);
        const brand = page.getByTestId('brand');
        await brand.locator('img.brand-logo').waitFor();
        expect(await brand.innerText()).toContain(agency.name);
        expect(await brand.innerText()).not.toContain('Candor');
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe(agency.color);
        // Buttons wear the colour; the tab shows the logo and the agency's name.
        expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe(agency.logoUrl);
        expect(await page.title()).toMatch(new RegExp(` · ${agency.name}$`));
        expect(await page.getByTestId('brand-footer').innerText()).toMatch(/Candor/);
        expect(await page.evaluate(() => (document.body.innerText.match(/Candor/g) ?? []).length)).toBe(1);
        expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS[viewport].width);
        await shoot(page, `${agency.key}-dashboard-${language}-${VIEWPORTS[viewport].width}`);
        await context.close();
      }
    });

    it(`printable report and share-link page (${viewport})`, async () => {
      for (const agency of agencies) {
        const context = await newVisitor(portal.browser, { viewport: VIEWPORTS[viewport] });
        const page = await context.newPage();
        // The report as the portal opens it (fetched with the token, shown as a document of its own).
        const report = await portal.stack.api.getText(agency.reportPath, agency.tokens.accessToken);
        expect(report.status).toBe(200);
        await page.setContent(report.text);
        await expectBrandedDocument(page, agency);
        await shoot(page, `${agency.key}-report-${language}-${VIEWPORTS[viewport].width}`);
        // The share link, opened by whoever holds it: no sign-in, under the report's own CSP.
        await page.goto(agency.shareUrl);
        await expectBrandedDocument(page, agency);
        await shoot(page, `${agency.key}-share-${language}-${VIEWPORTS[viewport].width}`);
        await context.close();
      }
    });
  }
});

describe('the brand page', () => {
  it('shows the contrast verdict live, offers a shade that passes, and repaints the portal when saved', async () => {
    const agency = agencies[0]!;
    await portal.stack.api.patch('/api/v1/me', { locale: 'en' }, agency.tokens.accessToken);
    const context = await newVisitor(portal.browser, { viewport: VIEWPORTS.desktop });
    await chooseLanguage(context, 'en');
    await useSession(context, agency.tokens);
    const page = await context.newPage();
    await page.goto(`${portal.web.url}/settings/brand`);
    await waitForHeading(page, 'Brand');
    await page.getByTestId('brand-logo-preview').waitFor();
    const color = page.getByLabel('Primary colour');
    await color.fill('#66a3e0');
    const verdict = page.getByTestId('contrast-verdict');
    expect(await verdict.innerText()).toMatch(/Contrast 2\.\d\d:1: too light; it needs at least 4\.5:1/);
    await verdict.getByRole('button').click();
    const suggestion = await color.inputValue();
    expect(suggestion).toMatch(/^#[0-9a-f]{6}$/);
    expect(await verdict.innerText()).toMatch(/readable on the page and on buttons/);
    await shoot(page, 'acme-brand-page-en-1280');
    await page.getByRole('button', { name: 'Save brand' }).click();
    await page.getByText('Brand saved.').waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim())).toBe(suggestion);
    await context.close();
    // Put the colour back for the other tests' screenshots.
    await portal.stack.api.patch('/api/v1/brand', { primaryColor: agency.color }, agency.tokens.accessToken);
  });
});
