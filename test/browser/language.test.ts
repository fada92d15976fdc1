import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUser, PASSWORD } from '../support/harness.ts';
import { chooseLanguage, logIn, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

const nav = (page: Page) => page.getByRole('navigation', { name: /Main navigation|主選單|主菜单/ });

describe('the language switch in the header', () => {
  it('changes the screens at once and follows the user to a new browser', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'en-GB' });
    await logIn(page, officer.username, PASSWORD);
    expect(await nav(page).innerText()).toContain('Agreements');

    await chooseLanguage(page, '简体中文');
    await nav(page).getByRole('link', { name: '合作协议' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans-CN');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('欢迎');

    await page.reload();
    await nav(page).getByRole('link', { name: '首页' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('欢迎');

    // Another browser, with nothing stored: the choice was saved with the user.
    const elsewhere = await liaison.newPage({ locale: 'en-GB' });
    await logIn(elsewhere, officer.username, PASSWORD);
    await nav(elsewhere).getByRole('link', { name: '合作协议' }).waitFor();
    await elsewhere.context().close();

    await chooseLanguage(page, 'English');
    await nav(page).getByRole('link', { name: 'Agreements' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await nav(page).getByRole('link', { name: 'Directory' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Welcome');
    await page.context().close();
  });

  it('is remembered on this browser for a visitor who has not logged in', async () => {
    const page = await liaison.newPage({ locale: 'en-GB' });
    await page.goto('/agreements');
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();

    await chooseLanguage(page, '繁體中文');
    await page.getByRole('heading', { level: 1, name: '合作協議' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hant-HK');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '合作協議' }).waitFor();
    expect(await nav(page).innerText()).toContain('登入');
    await page.context().close();
  });
});
