import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';
import { ADMIN_PASSWORD } from '../support/harness.ts';

// The README's screenshot is rewritten only on request (UPDATE_SCREENSHOT=1), so test runs leave the tree clean.
const screenshot = process.env.UPDATE_SCREENSHOT
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshot.png')
  : path.join(os.tmpdir(), 'liaison-agreement-screenshot.png');

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('reading an agreement', () => {
  it('shows the food-safety agreement in Simplified Chinese when the reader picks 简体', async () => {
    const page = await liaison.newPage({ locale: 'en-GB' });
    await page.goto('/agreements');
    await page.getByRole('link', { name: /Food Safety/ }).click();
    await page.waitForURL('**/agreements/food-safety');
    const body = page.getByTestId('agreement-body');

    // Signed in Traditional, so that is what an English reader sees first.
    expect(await body.innerText()).toContain('食品安全委員會');

    await page.getByRole('group', { name: 'Script of the text' }).locator('label').filter({ hasText: '简体' }).click();
    await page.waitForURL((url) => url.searchParams.get('script') === 'hans');
    await body.getByText(/食品安全委员会/).first().waitFor();
    const text = await body.innerText();
    expect(text).toContain('食品安全委员会');
    expect(text).toContain('卫生');
    expect(text).not.toContain('食品安全委員會');
    expect(text).not.toContain('衞生');

    // The metadata names the parties, the signatories' representatives and the designated liaison units.
    const details = await page.getByRole('region', { name: 'About this agreement' }).innerText();
    expect(details).toContain('Permanent Secretary for Food and Health');
    expect(details).toContain('Office of the Guangdong Provincial Food Safety Commission');
    await page.context().close();
  });

  it('opens a deep link to a clause at that clause', async () => {
    const page = await liaison.newPage({ locale: 'zh-CN' });
    await page.goto('/agreements/food-safety#clause-4');
    const clause = page.locator('#clause-4');
    await clause.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'clause-4');

    expect(await clause.getAttribute('data-target')).toBe('true');
    expect(await clause.innerText()).toContain('四、');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const box = await clause.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(400);
    // The reader's script follows the UI language: a Mainland reader starts in Simplified.
    expect(await clause.innerText()).toContain('应及时通报对方');
    await page.context().close();
  });

  it('sets the two scripts side by side for the README screenshot', async () => {
    const page = await liaison.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    await page.goto('/agreements/food-safety?script=both');
    const clause = await page.locator('#clause-1').innerText();
    expect(clause).toContain('雙方建立工作通報機制');
    expect(clause).toContain('双方建立工作通报机制');

    fs.mkdirSync(path.dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(20_000);
    await page.context().close();
  });
});

describe("an agreement's versions", () => {
  it('shows the amendments, the version in force on a chosen day and what changed, in three languages', async () => {
    // The platform administrator records it on the agreement's page. (A made-up amendment for the
    // test: the liaison officers of clause 8 also meet once a year.)
    const adminPage = await liaison.newPage({ locale: 'en-GB' });
    await logIn(adminPage, 'admin', ADMIN_PASSWORD);
    await adminPage.goto('/agreements/food-safety');
    const form = adminPage.locator('form').filter({ hasText: 'Record an amendment' });
    await form.getByLabel('Agreed on').fill('2017-03-01');
    await form.getByLabel('In force from').fill('2017-02-01');
    const text = form.getByLabel('The whole amended text (Traditional Chinese, as agreed)');
    await text.fill((await text.inputValue()).replace('負責日常工作層面', '每年至少會面一次，負責日常工作層面'));
    await form.getByRole('button', { name: 'Record the amendment' }).click();
    // A day in force before the day agreed is refused, on its field.
    await form.getByText('In force from cannot be before the day it was agreed.').waitFor();
    await form.getByLabel('In force from').fill('2017-04-01');
    await form.getByRole('button', { name: 'Record the amendment' }).click();
    await form.getByText('Recorded as version 2.').waitFor();
    await adminPage.context().close();

    const expected = {
      'en-GB': { region: 'Versions', day: 'In force on', two: 'Version 2 was in force on that day.', one: 'Version 1 was in force on that day.', none: 'No version was in force on that day.', changed: 'changed' },
      'zh-HK': { region: '版本', day: '於此日生效的版本', two: '該日生效的是第 2 版。', one: '該日生效的是第 1 版。', none: '該日沒有生效的版本。', changed: '修改' },
      'zh-CN': { region: '版本', day: '于此日生效的版本', two: '该日生效的是第 2 版。', one: '该日生效的是第 1 版。', none: '该日没有生效的版本。', changed: '修改' },
    };
    for (const [locale, words] of Object.entries(expected)) {
      const page = await liaison.newPage({ locale });
      await page.goto('/agreements/food-safety');
      const region = page.getByRole('region', { name: words.region, exact: true });
      const result = region.getByTestId('version-in-force');
      await result.getByText(words.two).waitFor();
      const day = region.getByLabel(words.day);
      await day.fill('2016-06-30');
      await result.getByText(words.one).waitFor();
      await day.fill('2015-01-01');
      await result.getByText(words.none).waitFor();
      const text = await region.innerText();
      expect(text).toContain('八、');
      expect(text).toContain(words.changed);
      expect(text).toContain(locale === 'zh-CN' ? '每年至少会面一次' : '每年至少會面一次');
      await page.context().close();
    }
  });
});

describe("a designated unit's duty contact", () => {
  it('is shown on the unit page reached from the agreement, and says it is sample data', async () => {
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.goto('/agreements/food-safety');
    await page.getByRole('link', { name: '食物及衞生局' }).first().click();
    const section = page.getByRole('region', { name: '值班聯絡人' });
    await section.waitFor();
    const text = await section.innerText();
    expect(text).toContain('食品安全值班聯絡員');
    expect(text).toContain('示例資料');
    expect(text).toContain('姓名及號碼為虛構');
    await page.context().close();
  });
});
