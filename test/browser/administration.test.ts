import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ADMIN_PASSWORD } from '../support/harness.ts';
import { chooseLanguage, logIn, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

/** The message Mantine ties to an input through aria-describedby, if the input is marked invalid. */
async function fieldError(input: Locator): Promise<string | null> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText().catch(() => '')));
  return texts.join(' ').trim();
}

describe('administration', () => {
  it('lets the platform administrator create a user, who can then log in', async () => {
    const page = await liaison.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'New user' }).click();
    await page.waitForURL('**/admin/users/new');

    const username = page.getByRole('textbox', { name: 'User name' });
    const password = page.getByLabel(/^Password/);
    const name = page.getByRole('textbox', { name: /^Name/ });
    const email = page.getByRole('textbox', { name: 'E-mail' });

    // Submitted empty and with a malformed e-mail: each field says what is wrong, in the UI language.
    await email.fill('not-an-e-mail');
    await page.getByRole('button', { name: 'Create user' }).click();
    await page.locator('main').getByRole('alert').waitFor();
    expect(await fieldError(username)).toMatch(/User name/);
    expect(await fieldError(password)).toMatch(/Password.*10/);
    expect(await fieldError(name)).toMatch(/Name/);
    expect(await fieldError(email)).toMatch(/E-mail/);
    expect(new URL(page.url()).pathname).toBe('/admin/users/new');

    await username.fill('chan.tai.man');
    await password.fill('a long enough password');
    await name.fill('陳大文');
    await email.fill('tm.chan@edb.example.hk');
    await page.getByRole('combobox', { name: 'Liaison unit' }).click();
    await page.getByRole('option', { name: 'Education Bureau', exact: true }).click();
    await page.getByRole('button', { name: 'Create user' }).click();

    await page.getByText('User chan.tai.man was created.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Log in' }).waitFor();

    // The administrator knows the password: its holder chooses their own before anything else.
    await logIn(page, 'chan.tai.man', 'a long enough password');
    await page.getByRole('heading', { level: 1, name: 'Choose your own password' }).waitFor();
    await page.getByLabel('Current password').fill('a long enough password');
    await page.getByLabel(/^New password/).fill('only chan knows this');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { level: 1, name: /陳大文/ }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Education Bureau');
    await page.context().close();
  });

  it("shows the platform administrator a user's history in the audit trail, named in their language, and checks the chain", async () => {
    const page = await liaison.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await chooseLanguage(page, '繁體中文');
    await page.goto(new URL('/admin/audit?action=user.created', page.url()).toString());
    const rows = page.locator('main tbody tr');
    const row = rows.filter({ hasText: 'chan.tai.man' });
    await row.waitFor();
    expect(await row.innerText()).toContain('建立帳戶');

    // The record's link shows everything about that account: created, its log-in, its own password chosen.
    await row.getByRole('button', { name: /帳戶/ }).click();
    await page.waitForURL(/entityType=user&entityId=[0-9a-f-]{36}/);
    await rows.filter({ hasText: '更改密碼' }).waitFor();
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('更改密碼'), expect.stringContaining('登入'), expect.stringContaining('建立帳戶')]);
    expect(await page.getByRole('combobox', { name: '操作' }).inputValue()).toBe('');

    // Typed filters apply together: of this account's history, what the administrator did.
    await page.getByRole('textbox', { name: '用戶名稱' }).fill('admin');
    await page.getByRole('button', { name: '篩選紀錄' }).click();
    await page.waitForURL(/actor=admin/);
    expect(new URL(page.url()).searchParams.get('entityId')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => rows.allInnerTexts()).toEqual([expect.stringContaining('建立帳戶')]);

    await page.getByRole('button', { name: '核實雜湊鏈' }).click();
    expect(await page.getByRole('status').filter({ hasText: '雜湊鏈完整' }).innerText()).toMatch(/已重新計算 \d+ 項紀錄/);
    await page.context().close();
  });
});
