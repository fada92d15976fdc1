import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { buildUser, logInAs, PASSWORD, unitId } from '../support/harness.ts';
import { call, draftBody } from '../support/notifications.ts';
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';
import enVerification from '../../src/shared/locales/en/ui-verification.json' with { type: 'json' };



/** Picks an option of a Mantine select by the select's label and the option's text. */
async function choose(page: Page, label: RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function invalid(input: Locator) {
  return (await input.getAttribute('aria-invalid')) === 'true';
}

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('a food-safety notification from Hong Kong to Guangdong', () => {
  it('is drafted in Traditional, approved by a second officer, read and followed up in Simplified, and the follow-up read back in Traditional', async () => {
    const hkOfficer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const hkApprover = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['approver'] });
    const gdOfficer = await buildUser(liaison.ctx, { unit: 'gd-fsco', roles: ['officer'] });

    // The Hong Kong officer drafts in Traditional Chinese, with the screens in Traditional.
    const hk = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(hk, hkOfficer.username, PASSWORD);
    await hk.goto('/notifications');
    await hk.locator('main table, main p').first().waitFor();
    expect.soft(await seriousViolations(hk), 'inbox').toEqual([]);
    await hk.getByRole('link', { name: '新增通報' }).click();
    await hk.waitForURL('**/notifications/new');

    // Submitted empty: what is still to choose is said at once, with clause 1's texts.
    await hk.getByRole('button', { name: '提交批核' }).click();
    const notYet = hk.locator('main').getByRole('alert');
    await notYet.waitFor();
    for (const text of ['尚未選擇：', '訊息類別（第二條）', '通報級別', '訊息來源', '事件涉及的範圍']) expect(await notYet.innerText()).toContain(text);

    await choose(hk, /^接收單位/, '廣東省食品安全委員會辦公室');
    await choose(hk, /^訊息類別/, '重要的食品安全監測（抽驗）結果及風險監測');
    await choose(hk, /^通報級別/, '警示通報');
    await choose(hk, /^訊息來源/, '邊境檢查');
    await hk.getByRole('textbox', { name: /^標題/ }).fill('冷凍蝦仁驗出孔雀石綠');
    const scope = hk.getByRole('textbox', { name: /^事件涉及的範圍/ });
    await hk.getByRole('textbox', { name: /^採取的防控措施/ }).fill('已封存該批產品，並通知進口商停止銷售及回收。');
    await hk.getByRole('textbox', { name: /^需要注意的事項/ }).fill('請跟進有關養殖場及出口商，並通報調查結果。');
    await hk.getByRole('button', { name: '新增產品' }).click();
    await hk.getByRole('group', { name: '產品 1' }).getByRole('textbox', { name: /^名稱/ }).fill('冷凍蝦仁');

    // Clause 1 is checked before anything is sent: the scope is missing.
    await hk.getByRole('button', { name: '提交批核' }).click();
    const clause1 = hk.locator('main').getByRole('alert');
    await clause1.waitFor();
    expect(await clause1.innerText()).toContain('按協議第一條');
    expect(await clause1.innerText()).toContain('尚未填寫：事件涉及的範圍');
    expect(await invalid(scope)).toBe(true);
    expect(new URL(hk.url()).pathname).toBe('/notifications/new');
    expect.soft(await seriousViolations(hk), 'compose form showing what clause 1 lacks').toEqual([]);

    await scope.fill('一批由廣東省供港的冷凍蝦仁，在邊境抽驗中驗出孔雀石綠。');
    expect(await invalid(scope)).toBe(false);

    // Files are attached while drafting. One of a type not taken is refused when picked; one whose
    // content belies its type stops the submission, its reason beside it; the draft and the lab report are kept.
    await hk.locator('main input[type=file]').setInputFiles([
      { name: '化驗報告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') },
      { name: 'macro.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([1, 2, 3]) },
      { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a PDF at all') },
    ]);
    const attachments = hk.locator('section', { has: hk.getByRole('heading', { name: '附件', level: 2 }) });
    expect(await attachments.getByRole('alert').innerText()).toContain('未加入：macro.bin');
    await hk.getByRole('button', { name: '提交批核' }).click();
    expect(await attachments.getByRole('listitem').filter({ hasText: 'fake.pdf' }).getByRole('alert').innerText()).toContain('內容與其檔案類型不符');
    expect(await hk.locator('main').getByRole('alert').first().innerText()).toContain('草稿已儲存');
    expect(await attachments.getByRole('listitem').filter({ hasText: '化驗報告.pdf' }).innerText()).not.toContain('儲存時上載');
    expect(new URL(hk.url()).pathname).toBe('/notifications/new');
    // The draft exists now: its recipient is fixed, as on a saved draft.
    expect(await hk.getByRole('textbox', { name: /^接收單位/ }).or(hk.getByRole('combobox', { name: /^接收單位/ })).isDisabled()).toBe(true);
    await hk.getByRole('button', { name: '移除 fake.pdf' }).click();
    await hk.getByRole('button', { name: '提交批核' }).click();
    await hk.waitForURL(/\/notifications\/[0-9a-f-]{36}$/);
    const url = new URL(hk.url()).pathname;
    await hk.getByText('已提交批核。').waitFor();
    expect(await mainText(hk)).toContain('待批核');

    // Four eyes: another officer of the unit, an approver, sends it and it gets its reference number.
    const approver = await liaison.newPage();
    await logIn(approver, hkApprover.username, PASSWORD);
    await approver.goto(url);
    await approver.getByRole('button', { name: 'Approve and send' }).click();
    // Sending cannot be undone: the approver confirms, told to whom and what.
    await approver.getByText(/^Send this notification \(Alert\) to .*Guangdong.* now\?$/).waitFor();
    await approver.getByRole('button', { name: 'Send now' }).click();
    const approved = approver.getByText(/^Approved and sent: HK-FS-\d{4}-\d{4}\.$/);
    await approved.waitFor();
    const reference = (await approved.innerText()).match(/HK-FS-\d{4}-\d{4}/)![0];
    expect(await approver.getByTestId('reference').innerText()).toBe(reference);
    await approver.context().close();

    // Guangdong reads it in Simplified: unread in the inbox, then opened, acknowledged and followed up.
    const gd = await liaison.newPage({ locale: 'zh-CN' });
    await logIn(gd, gdOfficer.username, PASSWORD);
    await gd.goto('/notifications');
    const row = gd.locator('main tr', { hasText: reference });
    await row.waitFor();
    expect(await row.getAttribute('data-unread')).toBe('true');
    expect.soft(await seriousViolations(gd), 'inbox with an unread, overdue-able notification').toEqual([]);
    await row.getByRole('link', { name: /冷冻虾仁验出孔雀石绿/ }).click();
    await gd.getByRole('heading', { level: 1, name: '冷冻虾仁验出孔雀石绿' }).waitFor();
    expect(await gd.getByTestId('notification-text').innerText()).toContain('一批由广东省供港的冷冻虾仁');
    await gd.locator('#products-heading + * td', { hasText: '冷冻虾仁' }).waitFor();
    expect(await gd.getByRole('link', { name: '化驗報告.pdf' }).getAttribute('href')).toMatch(/\/attachments\//);
    expect.soft(await seriousViolations(gd), 'notification page').toEqual([]);

    await gd.getByRole('button', { name: '确认收到' }).click();
    await gd.getByText('已确认收到。').waitFor();
    await gd.getByRole('textbox', { name: /^内容/ }).fill('已对涉事养殖场进行抽样检测，并暂停其产品出口。');
    await gd.getByRole('button', { name: '提交跟进' }).click();
    await gd.getByText('已提交跟进。').waitFor();
    expect(await mainText(gd)).toContain('已对涉事养殖场进行抽样检测');
    await gd.context().close();

    // Back in Hong Kong, the follow-up written in Simplified reads in Traditional.
    await hk.goto(url);
    const followUps = hk.locator('section', { has: hk.getByRole('heading', { name: '跟進', level: 2 }) });
    await followUps.getByText(/養殖場/).waitFor();
    const text = await followUps.innerText();
    expect(text).toContain('已對涉事養殖場進行抽樣檢測');
    expect(text).not.toContain('养殖场');
    expect(text).toContain('由簡體中文原文轉換，以原文為準。');
    expect(await mainText(hk)).toContain('已確認收到');
    await hk.context().close();
  });
});

describe('a verification request linked to the notification that followed', () => {
  it('finds the notification by its reference number among more than the newest, and links the two', async () => {
    const [hkOfficer, hkApprover] = [await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] }), await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['approver'] })];
    const [officer, approver] = [await logInAs(liaison.app, hkOfficer.username), await logInAs(liaison.app, hkApprover.username)];
    const fsco = await unitId(liaison.ctx, 'gd-fsco');
    const send = async (title: string) => {
      liaison.clock.advance(1_000); // the server's clock stands still unless told: one second between sends
      const n = (await call(liaison.app, officer, 'POST', '/notifications', draftBody(fsco, { text: { ...draftBody(fsco).text, title } }))).json();
      await call(liaison.app, officer, 'POST', `/notifications/${n.id}/submit`);
      return (await call(liaison.app, approver, 'POST', `/notifications/${n.id}/approve`)).json() as { id: string; reference: string };
    };
    // The one that followed, then 25 newer: it is no longer among the newest the box offers.
    const followed = await send('湛江養殖場停止出口');
    for (let i = 0; i < 25; i++) await send(`其他通報 ${i}`);
    const asked = await call(liaison.app, officer, 'POST', '/verification-requests', {
      toUnitId: fsco,
      script: 'zh-Hant',
      subject: '核實湛江養殖場的資料',
      question: '請核實該養殖場是否已停產。',
      deadlineAt: new Date(Date.now() + 86_400_000).toISOString(),
      plannedReleaseAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    expect(asked.statusCode, asked.body).toBe(201);

    // The side asked reads the release gate from where it stands: the announcement waits for its answer.
    const gd = await liaison.newPage();
    await logIn(gd, (await buildUser(liaison.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username, PASSWORD);
    await gd.goto(`/verification/${asked.json().id}`);
    expect(await gd.locator('[data-gate]').innerText()).toContain('They wait for your answer before announcing');
    await gd.context().close();

    const page = await liaison.newPage();
    await logIn(page, hkOfficer.username, PASSWORD);
    await page.goto(`/verification/${asked.json().id}`);
    expect(await page.locator('[data-gate]').innerText()).toContain(enVerification.verification.gate.pending);
    const box = page.getByRole('combobox', { name: /^The notification that followed/ });
    await box.click();
    await page.getByRole('option', { name: /其他通報 24/ }).waitFor();
    expect(await page.getByRole('option', { name: /湛江養殖場停止出口/ }).count()).toBe(0);
    await box.fill(followed.reference);
    await page.getByRole('option', { name: new RegExp(`${followed.reference} 湛江養殖場停止出口`) }).click();
    await page.getByRole('button', { name: 'Link the notification' }).click();
    // Named by its number and title, not only 'open'.
    await page.getByRole('link', { name: `${followed.reference} 湛江養殖場停止出口` }).click();
    await page.waitForURL(`**/notifications/${followed.id}`);
    await page.getByRole('heading', { level: 1, name: '湛江養殖場停止出口' }).waitFor();
    await page.context().close();
  });
});

describe('a media report written in Simplified', () => {
  it('is read in Hong Kong in Traditional, outlet and claim included', async () => {
    const gdOfficer = await buildUser(liaison.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    const hkOfficer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const asked = await call(liaison.app, await logInAs(liaison.app, gdOfficer.username), 'POST', '/media-reports', {
      toUnitId: await unitId(liaison.ctx, 'hk-fhb'),
      script: 'zh-Hans',
      subject: '核实媒体报道',
      question: '请核实报道是否属实。',
      deadlineAt: new Date(Date.now() + 86_400_000).toISOString(),
      media: { outlet: '东方日报', publishedOn: '2026-11-20', claim: '香港市面冷冻虾仁检出孔雀石绿' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const page = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(page, hkOfficer.username, PASSWORD);
    await page.goto(`/verification/${asked.json().id}`);
    const claim = page.locator('section', { has: page.getByRole('heading', { name: '報道內容' }) });
    await claim.getByText('香港市面冷凍蝦仁檢出孔雀石綠').waitFor();
    expect(await mainText(page)).toContain('東方日報');
    await page.context().close();
  });
});
