import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { users } from '../../src/server/db/schema.ts';
import { buildUser, PASSWORD } from '../support/harness.ts';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe("what officers read, in the reader's words and script", () => {
  it('offers the units a notification can be addressed to by name, without the system codes', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(page, officer.username, PASSWORD);
    await page.goto('/notifications/new');
    await page.getByRole('combobox', { name: /接收單位/ }).click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toContain('廣東省食品安全委員會辦公室');
    for (const option of options) expect(option).not.toMatch(/[（(][a-z]{2}-[a-z-]+[）)]/);
    await page.context().close();
  });

  it("shows a Guangdong officer's name, written in Simplified, in Traditional to a Hong Kong reader of the directory", async () => {
    const gd = await buildUser(liaison.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    await liaison.ctx.db.update(users).set({ displayName: '陈国强', title: '进口食品监管处科长' }).where(eq(users.id, gd.id));
    const reader = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(page, reader.username, PASSWORD);
    await page.goto(`/directory/units/${gd.unitId}`);
    const row = page.locator('main tbody tr').filter({ hasText: '陳國強' });
    await row.waitFor();
    expect(await row.innerText()).toContain('進口食品監管處科長');
    expect(await page.locator('main').innerText()).not.toContain('陈国强');
    await page.context().close();
  });

  it('lets a Mainland officer type the report title in Simplified, kept in Traditional as the reports are', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'gd-edu', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'zh-CN' });
    await logIn(page, officer.username, PASSWORD);
    await page.goto('/progress/reports');
    const form = page.getByRole('form', { name: '起草报告' });
    await form.getByRole('checkbox').first().waitFor();
    await form.getByLabel('英文标题（选填）').fill('Progress of education co-operation');
    await form.getByLabel('简体中文标题（选填）').fill('粤港教育合作进度报告');
    expect(await form.getByLabel(/繁体中文标题/).count()).toBe(0);
    await form.getByRole('button', { name: '起草报告' }).click();
    await page.waitForURL(/\/progress\/reports\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 2, name: '粤港教育合作进度报告' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const report = await page.evaluate(async (id) => (await fetch(`/api/v1/progress/reports/${id}`)).json(), id);
    expect(report.title['zh-Hant']).toBe('粵港教育合作進度報告');
    await page.context().close();
  });

  it('shows a server error at once, after one quick retry, not after seconds of retries', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage();
    await logIn(page, officer.username, PASSWORD);
    let asked = 0;
    await page.route('**/api/v1/work', (route) => {
      asked++;
      return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'internal', message: 'The server failed; try again shortly.' } }) });
    });
    const started = Date.now();
    await page.goto('/');
    await page.getByRole('alert').filter({ hasText: 'The server failed' }).waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(asked).toBe(2);
    // What to do meanwhile: the lists are still there.
    expect(await page.locator('main').innerText()).toContain('Your lists are still there');
    await page.context().close();
  });
});
