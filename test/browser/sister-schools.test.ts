import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, logInAs, PASSWORD } from '../support/harness.ts';
import { api, buildCoordinator, buildSchool } from '../support/schools.ts';
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';

let liaison: BrowserApp;
beforeAll(async () => {
  liaison = await startBrowserApp();
});
afterAll(() => liaison?.close());

describe('a Guangdong–Hong Kong sister-school pair', () => {
  it('is proposed by a Hong Kong school in Traditional from a suggested match, accepted by the Guangdong school in Simplified, endorsed, and its activity read in both scripts', async () => {
    const edb = await logInAs(liaison.app, (await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    const gdEdu = await logInAs(liaison.app, (await buildUser(liaison.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    const edbApprover = await logInAs(liaison.app, (await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    const gdApprover = await logInAs(liaison.app, (await buildUser(liaison.ctx, { unit: 'gd-edu', roles: ['approver'] })).username);
    const hkSchool = await buildSchool(liaison.app, edb, 'HK', { nameZh: '沙田晨曦小學', nameEn: 'Sha Tin Morning Light Primary School', preferences: { levels: ['primary'], sectors: [], districts: ['深圳'], themes: ['STEM'] } });
    await buildSchool(liaison.app, gdEdu, 'GD', { nameZh: '深圳星河实验学校', nameEn: 'Shenzhen Star River Experimental School', district: '深圳市南山区', features: ['STEM'] });
    const hkCoordinator = await buildCoordinator(liaison.app, edb, hkSchool);
    const gdSchoolId = (await api(liaison.app, gdEdu, 'GET', `/schools?q=${encodeURIComponent('Star River')}`)).json().schools[0].id;
    const gdCoordinator = await buildCoordinator(liaison.app, gdEdu, gdSchoolId);

    // The Hong Kong coordinator, in Traditional, sees the Guangdong school's name converted, with the reasons, and proposes.
    const hk = await liaison.newPage({ locale: 'zh-HK' });
    await logIn(hk, hkCoordinator.username, PASSWORD);
    await hk.getByRole('link', { name: '姊妹學校' }).click();
    await hk.getByRole('heading', { name: '建議的姊妹學校' }).waitFor();
    const match = hk.locator('main .mantine-Card-root').filter({ hasText: '深圳星河實驗學校' });
    await match.waitFor();
    expect(await match.innerText()).toContain('主題：STEM');
    expect.soft(await seriousViolations(hk), 'coordinator’s start page').toEqual([]);
    await match.getByRole('button', { name: '建議締結' }).click();
    await hk.waitForURL('**/schools/pairs/*');
    await hk.getByText('建議中').first().waitFor();
    const pairPath = new URL(hk.url()).pathname;

    // The Guangdong coordinator, in Simplified, reads the Hong Kong school's name converted and consents.
    const gd = await liaison.newPage({ locale: 'zh-CN' });
    await logIn(gd, gdCoordinator.username, PASSWORD);
    await gd.goto('/schools');
    await gd.getByRole('link', { name: '沙田晨曦小学' }).click();
    await gd.waitForURL(`**${pairPath}`);
    await gd.getByRole('button', { name: '同意结对' }).click();
    await gd.getByText('双方同意').first().waitFor();

    // Each side's authority endorses (approvers, by the API).
    const pairId = pairPath.split('/').pop()!;
    expect((await api(liaison.app, gdApprover, 'POST', `/sister-pairs/${pairId}/endorse`, {})).statusCode).toBe(200);
    expect((await api(liaison.app, edbApprover, 'POST', `/sister-pairs/${pairId}/endorse`, {})).json().status).toBe('active');

    // Active now: the Guangdong school records a teachers' exchange in Simplified.
    await gd.reload();
    await gd.getByText('已缔结').first().waitFor();
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    await gd.getByLabel('举行日期').fill(yesterday);
    await gd.getByRole('textbox', { name: '地点' }).fill('深圳');
    await gd.getByLabel('香港学生人数').fill('20');
    await gd.getByLabel('广东学生人数').fill('25');
    await gd.getByRole('textbox', { name: '活动内容' }).fill('两校学生共同参加科学实验课');
    await gd.getByRole('button', { name: '保存活动' }).click();
    await gd.getByRole('list', { name: '交流活动' }).getByText('两校学生共同参加科学实验课').waitFor();
    expect(await mainText(gd)).toContain('学生：45');
    expect.soft(await seriousViolations(gd), 'pair page in Simplified').toEqual([]);

    // The Hong Kong school reads the activity in Traditional.
    await hk.reload();
    await hk.getByRole('list', { name: '交流活動' }).getByText('兩校學生共同參加科學實驗課').waitFor();
    expect(await mainText(hk)).toContain('已締結');

    // On a phone, the pair's page and the coordinator's start page fit the screen's width.
    const phone = await liaison.newPage({ locale: 'zh-HK', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(phone, hkCoordinator.username, PASSWORD);
    for (const path of [pairPath, '/schools']) {
      await phone.goto(path);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await phone.locator('main table, main ul').first().waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
    }
  });
});
