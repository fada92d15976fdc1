import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildUser, PASSWORD } from '../support/harness.ts';
import { units } from '../../src/server/db/schema.ts';
import hantErrors from '../../src/shared/locales/zh-Hant/errors.json' with { type: 'json' };
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('logging in', () => {
  it("takes an officer to a home page showing their liaison unit, its party and its agreements", async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const [unit] = await liaison.ctx.db.select().from(units).where(eq(units.code, 'hk-fhb'));
    const page = await liaison.newPage();

    await logIn(page, officer.username, PASSWORD);
    await page.locator('main article').first().waitFor();

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(officer.displayName);
    const text = await mainText(page);
    expect(text).toContain(unit.name.en);
    expect(text).toContain('Hong Kong Special Administrative Region');
    expect(text).toContain('Food Safety');
    await page.context().close();
  });

  it('shows the server\'s error in the reader\'s language when the password is wrong', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-HK');

    await page.getByRole('textbox', { name: '用戶名稱' }).fill(officer.username);
    await page.getByLabel(/^密碼/).fill('not the password');
    await page.locator('main').getByRole('button', { name: '登入' }).click();

    const alert = page.locator('main').getByRole('alert');
    expect((await alert.innerText()).trim()).toBe(hantErrors.auth.invalid_credentials);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('renders under the Content-Security-Policy with no violation, and its own requests pass the cross-site check', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
    });
    const first = await page.goto('/login');
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");

    await logIn(page, officer.username, PASSWORD);
    await page.locator('main article').first().waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain(officer.displayName);
    // Mantine's run-time <style> elements took effect: the app shell is laid out, not bare HTML.
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
