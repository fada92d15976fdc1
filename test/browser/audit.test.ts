import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildUser, logInAs, PASSWORD, unitId } from '../support/harness.ts';
import { call, draftBody } from '../support/notifications.ts';
import { auditActions } from '../../src/shared/audit-actions.ts';
import { chooseLanguage, logIn, startBrowserApp, type BrowserApp } from './browser.ts';

let liaison: BrowserApp;
let unitAdmin: string;
let officerName: string;
let reference: string;

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A notification drafted, edited, submitted and sent by Hong Kong's food office, whose unit administrator reads the trail. */
beforeAll(async () => {
  liaison = await startBrowserApp();
  const { app, ctx } = liaison;
  const fsco = await unitId(ctx, 'gd-fsco');
  const officer = await buildUser(ctx, { unit: 'hk-fhb', roles: ['officer'] });
  officerName = officer.displayName;
  const hk = await logInAs(app, officer.username);
  const hkApprover = await logInAs(app, (await buildUser(ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
  unitAdmin = (await buildUser(ctx, { unit: 'hk-fhb', roles: ['unit_admin'] })).username;
  const n = (await call(app, hk, 'POST', '/notifications', draftBody(fsco))).json();
  expect((await call(app, hk, 'PATCH', `/notifications/${n.id}`, { classification: 'follow_up' })).statusCode).toBe(200);
  await call(app, hk, 'POST', `/notifications/${n.id}/submit`);
  reference = (await call(app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).json().reference;
});
afterAll(() => liaison?.close());

describe('the audit page, written for people', () => {
  it("shows names, labelled values and the record's reference and title, never ids, codes or raw data outside an entry's details", async () => {
    const page = await liaison.newPage();
    await logIn(page, unitAdmin, PASSWORD);
    await page.goto('/admin/audit');
    const rows = page.locator('main tbody tr');
    await rows.filter({ hasText: 'Notification drafted' }).first().waitFor();
    const text = await page.locator('main table').innerText();
    expect(text).not.toMatch(uuid);
    expect(text).not.toContain('{');
    // No action or kind codes: "notification.sent", "follow_up".
    for (const action of auditActions) expect.soft(text).not.toContain(action);
    expect(text).not.toContain('follow_up');

    // Who did it by name, in which unit; the record by its number and title.
    const drafted = rows.filter({ hasText: 'Notification drafted' });
    const draftedText = await drafted.innerText();
    expect(draftedText).toContain(officerName);
    expect(draftedText).toContain('Food and Health Bureau');
    // The values recorded, labelled: to whom, and how it was classified.
    expect(draftedText).toMatch(/Addressed to\s+Office of the Guangdong Provincial Food Safety Commission/);
    expect(draftedText).toMatch(/Classification\s+Alert/i);
    expect(await rows.filter({ hasText: 'Notification draft edited' }).innerText()).toMatch(/Fields changed\s+Classification/);
    expect(await rows.filter({ hasText: 'Notification approved and sent' }).innerText()).toContain(`${reference} 冷凍蝦仁驗出孔雀石綠`);

    // The details keep what was recorded: the action's code, the record's id, the data.
    await drafted.getByText('Details').click();
    const details = await drafted.locator('details').innerText();
    expect(details).toContain('notification.drafted');
    expect(details).toMatch(uuid);
    expect(details).toContain('"recipientUnitId"');
    await page.context().close();
  });

  it("reads in the reader's language, and the platform administrator, no party to the exchange, gets the reference without the title", async () => {
    const page = await liaison.newPage();
    await logIn(page, 'admin', ADMIN_PASSWORD);
    await chooseLanguage(page, '简体中文');
    await page.goto('/admin/audit?entityType=notification');
    const rows = page.locator('main tbody tr');
    const sent = rows.filter({ hasText: reference });
    await sent.first().waitFor();
    const text = await page.locator('main table').innerText();
    expect(text).not.toMatch(uuid);
    expect(text).not.toContain('孔雀石');
    expect(await rows.filter({ hasText: '广东省食品安全委员会办公室' }).count()).toBeGreaterThan(0);
    expect(text).toMatch(/致\s+广东省食品安全委员会办公室/);
    await page.context().close();
  });
});
