import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, PASSWORD } from '../support/harness.ts';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

const phone = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

describe('on a phone (375 px wide)', () => {
  it('folds the navigation behind a menu button that opens it, by touch or keyboard', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage(phone);
    await logIn(page, officer.username, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const menu = page.getByRole('button', { name: 'Open navigation' });

    // Closed: off screen, and inert (out of the tab order and the accessibility tree).
    await page.waitForFunction(() => {
      const link = document.querySelector<HTMLElement>('#site-navigation a[href="/directory"]');
      return !!link && link.getBoundingClientRect().right <= 0 && !!link.closest('[inert]');
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await menu.tap();
    await nav.getByRole('link', { name: 'Directory' }).tap();
    await page.waitForURL('**/directory');
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();

    // Keyboard: the skip link, then the menu button, then into the opened navigation.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Directory' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Open navigation');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Close navigation' }).waitFor();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => document.activeElement?.textContent)) === 'Agreements';
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/agreements');
    await page.getByRole('heading', { level: 1, name: 'Agreements' }).waitFor();
    await page.context().close();
  });

  it('stacks the two scripts of an agreement instead of setting them side by side', async () => {
    const page = await liaison.newPage(phone);
    await page.goto('/agreements/food-safety?script=both');
    const clause = page.locator('#clause-1');
    await clause.waitFor();
    const [hant, hans] = await Promise.all(
      ['zh-Hant-HK', 'zh-Hans-CN'].map((lang) => clause.locator(`[lang="${lang}"]`).first().boundingBox()),
    );
    expect(hans!.y).toBeGreaterThan(hant!.y + hant!.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
