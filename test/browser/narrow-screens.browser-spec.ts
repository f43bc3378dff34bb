import type { Page } from 'playwright-core';
import { screenshot, VIEWPORTS } from './support/browser';
import { startPortal, type Portal } from './support/portal';
import { submittedWeek, tokensFor, workFixture, type WorkFixture } from './support/work-logging';

const LANGUAGES = ['en', 'de', 'nb', 'ja', 'zh-Hant', 'ar'] as const;
/** Every page is loaded in these (left to right, right to left); the other languages share the pages out. */
const EVERY_PAGE_IN: readonly string[] = ['en', 'ar'];

type Who = 'owner' | 'assistant' | 'clientAdmin' | 'clientMember';

/** Each role's main pages: its navigation, and the engagement it works on. */
const PAGES: Record<Who, string[]> = {
  owner: [
    '/',
    '/engagements',
    '/clients',
    '/invoices',
    '/team',
    '/analytics',
    '/audit',
    '/deliveries',
    '/settings/api-keys',
    '/settings',
    '/settings/portal-address',
    '/engagements/:engagement',
  ],
  assistant: ['/', '/engagements', '/clients', '/engagements/:engagement'],
  clientAdmin: ['/', '/engagements', '/invoices', '/credits', '/service-record', '/account', '/team', '/engagements/:engagement'],
  clientMember: ['/', '/engagements', '/credits', '/service-record', '/account', '/engagements/:engagement'],
};

/**
 * The pages of `who` loaded in `language`: all of them in English and Arabic; each other language takes
 * every fourth page in turn, so every page is also seen in one of them (and every language opens the menu).
 */
function pagesIn(language: string, who: Who): string[] {
  if (EVERY_PAGE_IN.includes(language)) return PAGES[who];
  const others = LANGUAGES.filter((l) => !EVERY_PAGE_IN.includes(l));
  return PAGES[who].filter((_, k) => k % others.length === others.indexOf(language as (typeof others)[number]));
}

/** How far the page is wider than the screen (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Counts a page's requests in flight (the phones are kept, so this is set up once per page). */
const inFlight = new WeakMap<Page, { count: number }>();
function watchRequests(page: Page): void {
  const state = { count: 0 };
  inFlight.set(page, state);
  page.on('request', () => (state.count += 1));
  const done = () => (state.count = Math.max(0, state.count - 1));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until the page has rendered its content in `language`: a main heading, the language (the profile's
 * comes with /me, after a first render in the browser's, later on a busy machine), then 150 ms with no request
 * in flight (Playwright's networkidle waits 500 ms, on each of the run's ~110 page loads).
 */
async function settle(page: Page, language: string) {
  await page.locator('main h1').first().waitFor({ timeout: 15_000 });
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language, { timeout: 15_000 }).catch(() => undefined);
  const state = inFlight.get(page)!;
  const deadline = Date.now() + 5_000;
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < 150) {
    if (state.count > 0) quietSince = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * At 375 px wide, every main page of every role fits the screen (nothing to scroll sideways) in English
 * and Arabic and in one more language (see `pagesIn`), and in every language every navigation item is
 * reachable through the menu. (Every language x page was 180 page loads, the slowest file of the suite.)
 */
describe('on a phone, in every language', () => {
  let portal: Portal;
  let fixture: WorkFixture;

  beforeAll(async () => {
    // Each role signs in once per language (to set it) and once for its phone, past the usual per-account
    // limit of ten an hour; its phone's session outlives the run, so its first refresh token is never reused.
    portal = await startPortal({ LOGIN_LIMIT_PER_ACCOUNT: '100', ACCESS_TOKEN_TTL_SECONDS: '3600' });
    fixture = await workFixture(portal.stack.api);
    await submittedWeek(portal.stack.api, fixture, 1);
  }, 180_000);
  afterAll(() => portal.close());

  const emailOf = (who: Who) => (who === 'owner' ? fixture.owner.email : fixture[who].email);

  /**
   * One phone per role, signed in once and kept across languages (a warm browser cache, no sign-in
   * per page); each test switches the language in the profile, and every page is loaded afresh.
   */
  const phones = new Map<Who, Page>();
  async function phoneOf(who: Who, language: string): Promise<Page> {
    const open = phones.get(who);
    if (open) return open;
    const page = await portal.visit(emailOf(who), { viewport: VIEWPORTS.phone, language });
    watchRequests(page);
    phones.set(who, page);
    return page;
  }

  describe.each(LANGUAGES)('%s', (language) => {
    it.each(Object.keys(PAGES) as Who[])(
      'the main pages of the %s fit 375 px and the menu reaches every item',
      async (who) => {
        const email = emailOf(who);
        // The profile's language wins over the browser's, so the member speaks the language under test.
        const { accessToken } = await tokensFor(portal.stack.api, email);
        expect((await portal.stack.api.patch('/api/v1/me', { locale: language }, accessToken)).status).toBe(200);
        const page = await phoneOf(who, language);
        const problems: string[] = [];
        for (const path of pagesIn(language, who)) {
          await page.goto(`${portal.web.url}${path.replace(':engagement', fixture.engagementId)}`);
          await settle(page, language);
          expect(await page.locator('html').getAttribute('lang')).toBe(language);
          const wider = await overflow(page);
          if (wider > 0) {
            problems.push(`${path} is ${wider}px wider than the screen`);
            await screenshot(page, `overflow-${who}-${language}-${path.replace(/\W+/g, '-')}`);
          }
          if (path === '/' && (language === 'en' || language === 'ar')) await screenshot(page, `dashboard-${who}-${language}-375`);
        }

        // Every navigation item is reachable: the menu opens and each link is on the screen.
        await page.goto(`${portal.web.url}/`);
        await settle(page, language);
        const toggle = page.locator('.app-nav-toggle');
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        await toggle.click();
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        const links = page.locator('.app-nav-link');
        const count = await links.count();
        expect(count).toBe(PAGES[who].length - 1);
        for (let i = 0; i < count; i += 1) {
          const box = await links.nth(i).boundingBox();
          if (!box || box.x < 0 || box.x + box.width > VIEWPORTS.phone.width + 0.5)
            problems.push(`navigation item ${i + 1} is off the screen`);
        }
        if (language === 'en' || language === 'ar') await screenshot(page, `menu-${who}-${language}-375`);
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        // A chosen item takes the member there and folds the menu again.
        await links.nth(count - 1).click();
        await page.waitForFunction(() => document.querySelector('.app-nav-toggle')?.getAttribute('aria-expanded') === 'false');
        expect(problems).toEqual([]);
      },
      180_000,
    );
  });
});
