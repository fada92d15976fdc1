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
/** The entries of a group of the navigation, as read: each link's name, "not built yet" included. */
const entries = async (page: Page, group: string) => (await nav(page).locator(`[data-nav-group="${group}"] a`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

const expected = {
  English: {
    groups: ['Agreements', 'Work for every agreement', 'Platform'],
    agreement: ['Agreements', 'Food safety', 'Sister schools', 'Intellectual property', 'Search and rescue plans', 'E-commerce and e-signatures not built yet'],
    work: ['Verification', 'Meetings', 'Progress', 'Directory'],
    notBuilt: 'E-commerce and e-signatures: not built yet',
    readText: 'Read the agreement',
  },
  繁體中文: {
    groups: ['協議', '各協議共用的工作', '平台'],
    agreement: ['合作協議', '食品安全', '姊妹學校', '知識產權保護', '搜救合作計劃', '電子商務及電子簽名 尚未建置'],
    work: ['核實', '會議', '進展', '聯絡名錄'],
    notBuilt: '電子商務及電子簽名：尚未建置',
    readText: '閱讀協議',
  },
  简体中文: {
    groups: ['协议', '各协议共用的工作', '平台'],
    agreement: ['合作协议', '食品安全', '姊妹学校', '知识产权保护', '搜救合作计划', '电子商务及电子签名 尚未建设'],
    work: ['核实', '会议', '进展', '联络名录'],
    notBuilt: '电子商务及电子签名：尚未建设',
    readText: '阅读协议',
  },
} as const;

describe('the navigation, by agreement and by work', () => {
  it.each(Object.keys(expected) as (keyof typeof expected)[])('groups the five agreements, the work for every agreement and the platform, in %s', async (language) => {
    const want = expected[language];
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'en-GB' });
    await logIn(page, officer.username, PASSWORD);
    if (language !== 'English') await chooseLanguage(page, language);
    await nav(page).getByRole('link', { name: want.agreement[0] }).waitFor();

    expect(await nav(page).locator('[data-nav-group] > p').allInnerTexts()).toEqual(want.groups);
    expect(await entries(page, 'agreement')).toEqual(want.agreement);
    expect(await entries(page, 'work')).toEqual(want.work);

    // An agreement not built yet says so, and leads to its text.
    await nav(page).locator('[data-nav-group="agreement"] a[href="/cross-border-ecommerce"]').click();
    await page.getByRole('heading', { level: 1, name: want.notBuilt }).waitFor();
    await page.getByRole('main').getByRole('link', { name: want.readText }).click();
    await page.waitForURL('**/agreements/cross-border-ecommerce');
    await page.context().close();
  });
});
