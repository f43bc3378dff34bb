import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startStack, type Stack } from '../../support/stack';
import { startWebServer, type WebServer } from '../../support/web-server';
import { chooseLanguage, launchBrowser, newVisitor, useSession } from './browser';
import { tokensFor } from './work-logging';

export interface VisitOptions {
  viewport?: { width: number; height: number };
  /** The interface language picked in the browser before the app starts. */
  language?: string;
}

export interface Portal {
  stack: Stack;
  web: WebServer;
  browser: Browser;
  /** A new page in its own browser context, signed in as this member (closed with the portal). */
  visit(email: string, options?: VisitOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The built web app served with /api proxied to the real API and worker, whose emails link to this
 * server, and a headless chromium to drive it.
 */
/** `env`: API settings a spec needs (e.g. a higher per-account sign-in limit for one that signs in many times). */
export async function startPortal(env: Record<string, string> = {}): Promise<Portal> {
  const web = await startWebServer();
  let stack: Stack | null = null;
  try {
    stack = await startStack({ env: { WEB_URL: web.url, ...env } });
    web.proxyTo(await stack.app.getUrl());
    return portalOf(web, stack, await launchBrowser());
  } catch (error) {
    // Nothing started may outlive a failed start: a worker left running takes the next files' jobs in this process.
    await stack?.close();
    await web.close();
    throw error;
  }
}

function portalOf(web: WebServer, stack: Stack, browser: Browser): Portal {
  const contexts: BrowserContext[] = [];
  return {
    stack,
    web,
    browser,
    async visit(email, options = {}) {
      const context = await newVisitor(browser, { viewport: options.viewport });
      contexts.push(context);
      if (options.language) await chooseLanguage(context, options.language);
      await useSession(context, await tokensFor(stack.api, email));
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close();
      await browser.close();
      await web.close();
      await stack.close();
    },
  };
}
