import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/harness.ts';

export const chromiumPath = '/usr/bin/chromium';
const webIndex = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web/index.html');

/** Debian's chromium, driven by playwright-core (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath)) {
    const why = `The browser tests need Chromium at ${chromiumPath}`;
    throw new Error(process.env.CI ? `${why}; it is missing on this CI machine.` : `${why}: install it with "apt-get install chromium" (no download by Playwright).`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export type BrowserApp = TestApp & {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (cookies, local storage) speaking the given language. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
};

/** The whole Liaison on a fresh database, listening on a free port, with a browser to use it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!fs.existsSync(webIndex)) throw new Error('The web app is not built: run "npm run build:web" first (npm test does).');
  const test = await startTestApp({ serveWeb: true });
  // Cookies expire by the browser's clock, sessions by the server's: make the two agree.
  test.clock.advance(Date.now() - test.clock.now().getTime());
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = test.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await launchChromium();
  return {
    ...test,
    baseUrl,
    browser,
    newPage: async (options = {}) => {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    close: async () => {
      await browser.close();
      await test.close();
    },
  };
}

/** Logs in through the log-in form, as a user would, and waits for the home page. */
export async function logIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.locator('main input[name="username"]').fill(username);
  await page.locator('main input[name="password"]').fill(password);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === '/');
  await page.locator('main input[name="password"]').waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** The visible text of the page's main landmark. */
export const mainText = (page: Page) => page.locator('main').innerText();

/** Picks a language in the header's switch (繁 / 简 / EN), by its label as a user would. */
export async function chooseLanguage(page: Page, name: '繁體中文' | '简体中文' | 'English') {
  await page.locator('header label').filter({ hasText: name }).click();
}
