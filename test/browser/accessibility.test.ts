import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildUser, PASSWORD } from '../support/harness.ts';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';




let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('accessibility (axe-core: no serious or critical violations)', () => {
  it.each(['en-GB', 'zh-HK', 'zh-CN'])('holds for the public pages in %s', async (locale) => {
    const page = await liaison.newPage({ locale });
    for (const [path, ready] of [
      ['/', 'main h1'],
      ['/login', 'main form'],
      ['/agreements', 'main article'],
      ['/agreements/food-safety', '#clause-1'],
      ['/agreements/ip-protection?script=both', '#clause-1'],
      ['/search?q=%E9%A3%9F%E5%93%81', 'main ol li'],
      ['/ip-protection', 'main h1'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect.soft(await seriousViolations(page), `${path} (${locale})`).toEqual([]);
    }
    await page.context().close();
  });

  it('holds for an officer\'s home, the directory and the account page', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage();
    await logIn(page, officer.username, PASSWORD);
    await page.locator('main article').first().waitFor();
    expect.soft(await seriousViolations(page), 'home').toEqual([]);
    for (const [path, ready] of [
      ['/directory', 'main article'],
      ['/account', 'main form'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect.soft(await seriousViolations(page), path).toEqual([]);
    }
    await page.context().close();
  });

  it('holds for the administration screens, including a form showing its errors', async () => {
    const page = await liaison.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    for (const [path, ready] of [
      ['/admin', 'main table'],
      ['/admin/units', 'main table'],
      ['/admin/audit', 'main table'],
      ['/admin/users/new', 'main form'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect.soft(await seriousViolations(page), path).toEqual([]);
    }
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('main [aria-invalid="true"]').first().waitFor();
    expect(await seriousViolations(page), 'new user form with errors').toEqual([]);
    await page.context().close();
  });
});
