import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../support/stack';
import { startWebServer, type WebServer } from '../../support/web-server';
import { launchBrowser } from './browser';

export interface Portal {
  stack: Stack;
  web: WebServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The built web app served with /api proxied to the real API and worker, whose emails link to this
 * server, and a headless chromium to drive it.
 */
export async function startPortal(): Promise<Portal> {
  const web = await startWebServer();
  const stack = await startStack({ env: { WEB_URL: web.url } });
  web.proxyTo(await stack.app.getUrl());
  const browser = await launchBrowser();
  return {
    stack,
    web,
    browser,
    async close() {
      await browser.close();
      await web.close();
      await stack.close();
    },
  };
}
