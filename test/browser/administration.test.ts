import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ADMIN_PASSWORD } from '../support/harness.ts';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';

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
    await page.getByRole('option', { name: /\(hk-edb\)/ }).click();
    await page.getByRole('button', { name: 'Create user' }).click();

    await page.getByText('User chan.tai.man was created.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Log in' }).waitFor();

    await logIn(page, 'chan.tai.man', 'a long enough password');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('陳大文');
    expect(await page.locator('main').innerText()).toContain('Education Bureau');
    await page.context().close();
  });
});
