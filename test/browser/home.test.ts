import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/processes.ts';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, buildUser, logInAs, PASSWORD, unitId } from '../support/harness.ts';
import { call, draftBody } from '../support/notifications.ts';
import { regionDay } from '../../src/server/platform/clock.ts';
import { logIn, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';

let liaison: BrowserApp;
/** The README's picture of the home is rewritten only on request (UPDATE_SCREENSHOT=1), so test runs leave the tree clean; the others go to the temporary directory, to look at. */
const shoot = async (page: Page, name: string) => {
  const file = name === 'home-officer' && process.env.UPDATE_SCREENSHOT ? path.join(repoRoot, 'docs/screenshot-home.png') : path.join(os.tmpdir(), `liaison-${name}.png`);
  await page.screenshot({ path: file });
  expect(fs.statSync(file).size).toBeGreaterThan(20_000);
};
let gdOfficer: string;
let outsider: string;

/** Work for Guangdong's food-safety office, from Hong Kong: notifications, a request for information, a verification, a meeting with an action item. */
beforeAll(async () => {
  liaison = await startBrowserApp();
  const { app, ctx } = liaison;
  const fsco = await unitId(ctx, 'gd-fsco');
  const hk = await logInAs(app, (await buildUser(ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
  const hkApprover = await logInAs(app, (await buildUser(ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
  gdOfficer = (await buildUser(ctx, { unit: 'gd-fsco', roles: ['officer'] })).username;
  outsider = (await buildUser(ctx, { unit: 'gd-edu', roles: ['officer'] })).username;
  const gd = await logInAs(app, gdOfficer);
  const sent: string[] = [];
  for (const title of ['冷凍蝦仁驗出孔雀石綠', '急凍雞翼驗出沙門氏菌', '花生醬驗出黃曲霉毒素']) {
    const n = (await call(app, hk, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title } }))).json();
    await call(app, hk, 'POST', `/notifications/${n.id}/submit`);
    expect((await call(app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).statusCode).toBe(200);
    sent.push(n.id);
  }
  // Two read already: one opened, one asked about (its page is answered with the request).
  await call(app, gd, 'GET', `/notifications/${sent[0]}`);
  expect((await call(app, gd, 'POST', `/notifications/${sent[1]}/follow-ups`, { kind: 'request_for_information', script: 'zh-Hans', text: '请提供养殖场名称。' })).statusCode).toBe(201);
  const inHours = (h: number) => new Date(ctx.clock.now().getTime() + h * 3_600_000).toISOString();
  expect((await call(app, hk, 'POST', '/verification-requests', { toUnitId: fsco, script: 'zh-Hant', subject: '核實出口商資料', question: '請核實。', plannedReleaseAt: inHours(30), deadlineAt: inHours(24) })).statusCode).toBe(201);
  const meeting = (await call(app, hk, 'POST', '/meetings', { kind: 'joint_work', agreementCode: 'food-safety', title: '年度工作會議', unitIds: [fsco], scheduledAt: inHours(48) })).json();
  const tomorrow = regionDay(new Date(ctx.clock.now().getTime() + 86_400_000));
  expect((await call(app, hk, 'POST', `/meetings/${meeting.id}/action-items`, { description: '提交抽檢計劃', ownerUnitId: fsco, dueOn: tomorrow })).statusCode).toBe(201);
});
afterAll(() => liaison?.close());

/** The home page's counts, by key, with the address each links to. */
async function homeCounts(page: Page) {
  await page.goto('/');
  await page.locator('#work-heading').waitFor();
  return page.locator('[data-work]').evaluateAll((cards) =>
    cards.map((card) => ({ key: card.getAttribute('data-work')!, count: Number(card.querySelector('[data-count]')!.textContent), href: card.querySelector('a')!.getAttribute('href')! })),
  );
}

/** The rows the list at an address shows (0 when it says it has none). */
async function listRows(page: Page, href: string) {
  await page.goto(href);
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').waitFor();
  await page.locator('main .mantine-Loader').waitFor({ state: 'detached' });
  // Commitments are cards, one article each; the other lists are tables.
  return page.locator(href.startsWith('/progress') ? 'main article' : 'main table tbody tr').count();
}

describe("an officer's home page: what needs them, each count the list it opens", () => {
  it.each([
    ['en-GB', 'What needs you', 'Unread in the inbox'],
    ['zh-CN', '待办事项', '收件箱中未读'],
  ])('in %s every count equals the rows of the list it links to', async (locale, heading, unreadLabel) => {
    const page = await liaison.newPage({ locale });
    await logIn(page, gdOfficer, PASSWORD);
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await page.locator('[data-work="unread"]').innerText()).toContain(unreadLabel);
    const counts = await homeCounts(page);
    const byKey = Object.fromEntries(counts.map((c) => [c.key, c.count]));
    // What was sent to the unit above, seen from the home page.
    expect(byKey).toMatchObject({ unread: 1, ackDueSoon: 3, ackOverdue: 0, 'pre_publication.awaitingAnswer': 1, upcoming: 1, actionItemsDueSoon: 1 });
    // An officer approves nothing: no such count.
    expect(byKey).not.toHaveProperty('awaitingMyApproval');
    for (const c of counts) expect.soft(await listRows(page, c.href), `${c.key} → ${c.href}`).toBe(c.count);
    // The list opened from a count says what it is narrowed to, and how to see all.
    await page.goto(counts.find((c) => c.key === 'ackDueSoon')!.href);
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.locator('main').innerText()).toContain(locale === 'en-GB' ? 'Showing only: acknowledgement due within 24 hours' : '只显示：须于 24 小时内确认收到');
    await page.context().close();
  });

  it("counts the commitments of the officer's unit past their due date, as many as the commitments page then shows", async () => {
    const edb = await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['officer'] });
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(page, edb.username, PASSWORD);
    const counts = await homeCounts(page);
    const overdue = counts.find((c) => c.key === 'commitmentsOverdue')!;
    expect(overdue.count).toBeGreaterThan(0);
    for (const c of counts.filter((c) => c.href.startsWith('/progress'))) expect.soft(await listRows(page, c.href), `${c.key} → ${c.href}`).toBe(c.count);
    await page.goto(overdue.href);
    await page.locator('main article').first().waitFor();
    expect(await page.locator('main').innerText()).toContain('只顯示：本單位的承諾事項，已過期限仍未完成');
    await page.context().close();
  });

  it('counts nothing of another unit for an officer of a unit party to none of it, and says what would appear', async () => {
    const page = await liaison.newPage();
    await logIn(page, outsider, PASSWORD);
    const counts = await homeCounts(page);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((c) => c.count === 0)).toBe(true);
    expect(await page.locator('main').innerText()).toContain('Nothing needs you now.');
    await page.context().close();
  });

  it("has no serious accessibility violation, an officer's or the administrator's", async () => {
    const page = await liaison.newPage();
    await logIn(page, gdOfficer, PASSWORD);
    await page.locator('[data-work]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'home-officer');
    await page.context().close();
    const admin = await liaison.newPage();
    await logIn(admin, 'admin', ADMIN_PASSWORD);
    await admin.locator('#health-heading').waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    await shoot(admin, 'home-admin');
    await admin.context().close();
  });
});

describe("the platform administrator's home: the health of the system", () => {
  it('names the users locked out, the audit chain and the e-mail queue', async () => {
    for (let i = 0; i < 6; i++) await liaison.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: outsider, password: 'wrong' } });
    const page = await liaison.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await page.locator('#health-heading').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Health of the system');
    expect(text).toContain(`Test ${outsider} from 127.0.0.1 — may try again at`);
    expect(text).toMatch(/\d+ entries, \d+ chained/);
    expect(text).toContain('Outgoing e-mail');
    // The administrator belongs to no unit: no unit's counts.
    expect(await page.locator('[data-work]').count()).toBe(0);
    await page.context().close();
  });
});
