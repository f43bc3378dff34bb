import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium; tests never download a browser. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;

/**
 * Headless chromium. Each launch gets a fresh temporary profile (user-data-dir), removed on close.
 * `args` adds switches, e.g. `--host-resolver-rules=MAP *.candor.test 127.0.0.1` to reach agency addresses.
 */
export function launchBrowser(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...args],
  });
}

/** One person's browser: own storage, an English-speaking browser in Berlin unless told otherwise. */
export function newVisitor(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.viewport ?? VIEWPORTS.desktop,
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Berlin',
  });
}

/** Signs a context in with tokens from the API, as the login page would have stored them. */
export async function useSession(context: BrowserContext, tokens: { accessToken: string; refreshToken: string; expiresIn: number }) {
  const stored = JSON.stringify({
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    accessTokenExpiresAt: Date.now() + tokens.expiresIn * 1000,
  });
  await context.addInitScript((value) => localStorage.setItem('candor.session', value), stored);
}

/** Picks the interface language the way a visitor would, before the app starts. */
export async function chooseLanguage(context: BrowserContext, locale: string) {
  await context.addInitScript((value) => localStorage.setItem('candor.locale', value), locale);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is now, one line each. */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, not as a <script>: the app's strict CSP refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

/**
 * Waits for the page's main heading. When it does not come, the failure carries what the page shows
 * instead (and a screenshot of it), which is what one needs to know first.
 */
export async function waitForHeading(page: Page, name: string, timeout = 15_000): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout });
  } catch (error) {
    const shot = `failed-${name.replace(/\W+/g, '-').toLowerCase()}-${Date.now()}`;
    await screenshot(page, shot).catch(() => undefined);
    const text = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 400);
    throw new Error(`no heading "${name}" at ${page.url()} (screenshot ${shot}.png); the page says: ${text}`, { cause: error });
  }
}
