import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('the public IP database in the browser, signed out', () => {
  it('finds the Mainland’s patent law from a Traditional query, shows its versions, and the three places side by side, with no serious axe finding', async () => {
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await page.goto(`/ip/instruments?q=${encodeURIComponent('專利法')}`);
    await page.getByRole('link', { name: '中華人民共和國專利法', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '中華人民共和國專利法', exact: true }).waitFor();
    expect(page.url()).toContain('/ip/instruments/cn-patent-law');
    const main = await page.locator('main').innerText();
    expect(main).toContain('2020-10-17');
    expect(main).toContain('官方文本');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/ip/compare?subject=copyright`);
    await page.getByRole('link', { name: /版權條例/ }).first().waitFor();
    const compare = await page.locator('main').innerText();
    expect(compare).toContain('中華人民共和國著作權法');
    expect(compare).toContain('著作權及有關權利之制度');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/ip/updates`);
    await page.getByRole('link', { name: /Atom/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
