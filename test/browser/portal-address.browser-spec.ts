import type { Browser, Page } from 'playwright-core';
import { logoPng, sendMultipart } from '@candor/testing';
import { PASSWORD, addMember, signUpTenant, type TenantFixture } from '../support/factories';
import { startDnsServer, type TestDnsServer } from '../support/dns-server';
import { startStack, type Stack } from '../support/stack';
import { startWebServer, type WebServer } from '../support/web-server';
import {
  chooseLanguage,
  launchBrowser,
  newVisitor,
  screenshot,
  seriousAccessibilityProblems,
  useSession,
  VIEWPORTS,
  waitForHeading,
} from './support/browser';
import { tokensFor } from './support/work-logging';

const BASE = 'candor.test';
const FJORD_DOMAIN = 'portal.fjord-assistants.test';

/**
 * Each agency's login page at its own address: Northwind at its subdomain `<slug>.candor.test`, Fjord at
 * its custom domain once the TXT record is found. Chromium resolves those names to this machine
 * (`--host-resolver-rules`); the web server keeps the Host, so the API knows the agency by it.
 */
describe('portal addresses in the browser', () => {
  let dns: TestDnsServer;
  let web: WebServer;
  let stack: Stack;
  let browser: Browser;
  let northwind: TenantFixture;
  let fjord: TenantFixture;
  let port: string;

  const at = (host: string, path: string) => `http://${host}:${port}${path}`;

  async function openLogin(url: string, options: { language?: string; viewport?: { width: number; height: number } } = {}): Promise<Page> {
    const context = await newVisitor(browser, { viewport: options.viewport });
    if (options.language) await chooseLanguage(context, options.language);
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  beforeAll(async () => {
    dns = await startDnsServer();
    web = await startWebServer();
    port = new URL(web.url).port;
    stack = await startStack({ env: { WEB_URL: web.url, PORTAL_BASE_DOMAIN: BASE, DNS_SERVERS: dns.address } });
    web.proxyTo(await stack.app.getUrl());
    browser = await launchBrowser([`--host-resolver-rules=MAP *.${BASE} 127.0.0.1, MAP ${FJORD_DOMAIN} 127.0.0.1`]);
    northwind = await signUpTenant(stack.api, { tenantName: 'Northwind Assistants' });
    fjord = await signUpTenant(stack.api, { tenantName: 'Fjord Virtual Studio' });
    const added = await stack.api.post('/api/v1/domains', { hostname: FJORD_DOMAIN }, fjord.owner.token);
    dns.setTxt(added.body.txtRecord.name, [added.body.txtRecord.value]);
    const verified = await stack.api.post(`/api/v1/domains/${added.body.id}/verify`, {}, fjord.owner.token);
    expect(verified.body.status).toBe('active');
    // Each agency's brand: its colour and logo on its login page.
    for (const [tenant, primaryColor] of [
      [northwind, '#1f5fa8'],
      [fjord, '#7a2e5a'],
    ] as const) {
      expect((await stack.api.patch('/api/v1/brand', { primaryColor }, tenant.owner.token)).status).toBe(200);
      const logo = await sendMultipart(stack.api.baseUrl, 'PUT', '/api/v1/brand/logo', tenant.owner.token, {}, [
        logoPng(primaryColor, 180, 48),
      ]);
      expect(logo.status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    // Whatever started stops, also after a failed start: a worker left running takes later files' jobs in this process.
    await browser?.close();
    await web?.close();
    await stack?.close();
    await dns?.close();
  });

  it("shows each agency's login page at its own address, in English and Arabic, wide and narrow", async () => {
    const pages = [
      ['northwind', 'Northwind Assistants', at(`${northwind.slug}.${BASE}`, '/login')],
      ['fjord', 'Fjord Virtual Studio', at(FJORD_DOMAIN, '/login')],
    ] as const;
    for (const [name, agency, url] of pages) {
      for (const [language, heading] of [
        ['en', `Sign in to ${agency}`],
        ['ar', `تسجيل الدخول إلى ${agency}`],
      ] as const) {
        for (const [size, viewport] of [
          ['1280', VIEWPORTS.desktop],
          ['375', VIEWPORTS.phone],
        ] as const) {
          const page = await openLogin(url, { language, viewport });
          await waitForHeading(page, heading);
          // The page wears the agency's brand: its logo and name in the header, its colour on the button,
          // Candor once in the footer.
          await page.locator('[data-testid="brand"] img.brand-logo').waitFor();
          expect(await page.getByTestId('brand-footer').textContent()).toMatch(/Candor/);
          // Within a few steps of the brand colour (the stylesheet mixes it from --brand), once the button's
          // colour transition has run: read until it settles, for up to 3 s.
          const button = page.locator('form button[type="submit"]');
          const expected = name === 'northwind' ? [31, 95, 168] : [122, 46, 90];
          const near = async () => {
            const rgb = (await button.evaluate((b) => getComputedStyle(b).backgroundColor)).match(/\d+/g)!.map(Number);
            return rgb.slice(0, 3).every((value, i) => Math.abs(value - expected[i]!) <= 12);
          };
          let branded = await near();
          for (let i = 0; i < 30 && !branded; i++) {
            await page.waitForTimeout(100);
            branded = await near();
          }
          expect(branded).toBe(true);
          // The agency is known by its address: no workspace to type.
          expect(await page.getByLabel(language === 'en' ? 'Workspace' : 'مساحة العمل').count()).toBe(0);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          expect(await seriousAccessibilityProblems(page)).toEqual([]);
          await screenshot(page, `portal-login-${name}-${language}-${size}`);
          await page.context().close();
        }
      }
    }
  }, 240_000);

  it("signs in to the agency of the address, and refuses another agency's people there", async () => {
    const page = await openLogin(at(`${northwind.slug}.${BASE}`, '/login'));
    await waitForHeading(page, 'Sign in to Northwind Assistants');
    // Fjord's owner has no place at Northwind: refused, whatever the password.
    await page.getByLabel('Email').fill(fjord.owner.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText("That email and password don't match").waitFor();
    await page.getByLabel('Email').fill(northwind.owner.email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(at(`${northwind.slug}.${BASE}`, '/'));
    const me = await page.evaluate(async () => {
      const session = JSON.parse(localStorage.getItem('candor.session') ?? '{}') as { accessToken?: string };
      const answer = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${session.accessToken}` } });
      return (await answer.json()) as { tenant: { name: string } };
    });
    expect(me.tenant.name).toBe('Northwind Assistants');
    await page.context().close();
  }, 120_000);

  it('finds the agency by its /a/<slug> path; an unknown address shows no agency', async () => {
    const byPath = await openLogin(`${web.url}/a/${fjord.slug}/login`);
    await waitForHeading(byPath, 'Sign in to Fjord Virtual Studio');
    await byPath.context().close();
    const unknownPath = await openLogin(`${web.url}/a/nobody-here/login`);
    await waitForHeading(unknownPath, 'No agency at this address');
    await unknownPath.context().close();
    // A subdomain of no agency is the plain sign-in page: nothing about any agency.
    const unknownHost = await openLogin(at(`nobody-here.${BASE}`, '/login'));
    await waitForHeading(unknownHost, 'Sign in to Candor');
    expect(await unknownHost.getByText(/Northwind|Fjord/).count()).toBe(0);
    await unknownHost.context().close();
  }, 120_000);

  it('shows the owner the slug address, the TXT record to create and its state', async () => {
    await addMember(stack.api, northwind.owner.token, 'manager');
    const added = await stack.api.post('/api/v1/domains', { hostname: 'portal.northwind-example.test' }, northwind.owner.token);
    expect(added.status).toBe(201);
    for (const [language, viewport, title] of [
      ['en', VIEWPORTS.desktop, 'Portal address'],
      ['ar', VIEWPORTS.phone, 'عنوان البوابة'],
    ] as const) {
      // A signed-in person reads the app in their profile's language.
      expect((await stack.api.patch('/api/v1/me', { locale: language }, northwind.owner.token)).status).toBe(200);
      const context = await newVisitor(browser, { viewport });
      await chooseLanguage(context, language);
      await useSession(context, await tokensFor(stack.api, northwind.owner.email));
      const page = await context.newPage();
      await page.goto(`${web.url}/settings/portal-address`);
      await waitForHeading(page, title);
      expect(await page.getByTestId('slug-address').innerText()).toBe(`${web.url}/a/${northwind.slug}/login`);
      expect(await page.getByTestId('txt-name').innerText()).toBe('_candor-verify.portal.northwind-example.test');
      expect(await page.getByTestId('txt-value').innerText()).toBe(added.body.txtRecord.value);
      if (language === 'en') {
        // No TXT record yet: the check says so, and the domain stays pending.
        await page.getByRole('button', { name: 'Check now' }).click();
        await page.getByTestId('domain-check-failed').waitFor();
      }
      expect(await seriousAccessibilityProblems(page)).toEqual([]);
      await screenshot(page, `portal-address-settings-${language}-${viewport.width}`);
      await context.close();
    }
  }, 120_000);
});
