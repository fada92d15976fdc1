import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUser, logInAs, PASSWORD } from '../support/harness.ts';
import { api, imoFrom, rccModuleInput } from '../support/sar-plans.ts';
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';

let liaison: BrowserApp;
let workDir: string;
beforeAll(async () => {
  liaison = await startBrowserApp();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-sar-plans-'));
});
afterAll(async () => {
  await liaison?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Picks an option of a Mantine select by the select's label and the option's text. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A form behind its button (RevealForm): opened, and found by its name. */
async function openForm(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  return page.getByRole('form', { name });
}

/** Downloads the plan's PDF through its link, as a user would, and returns its text as pdftotext reads it. */
async function downloadPdfText(page: Page, linkName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: linkName }).click()]);
  const file = path.join(workDir, `${linkName.replace(/\W+/g, '-')}.pdf`);
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('a passenger ship’s SAR co-operation plan', () => {
  it(
    'is drawn up for a ship registered by Hong Kong in Traditional, issued with its Module 4 and an exercise, recognised by Guangdong in Simplified and Macao in English, and printed with all three agencies’ information',
    async () => {
      const hkOfficer = await buildUser(liaison.ctx, { unit: 'hk-mrcc', roles: ['officer'] });
      const gdOfficer = await buildUser(liaison.ctx, { unit: 'gd-msar', roles: ['officer'] });
      const moOfficer = await buildUser(liaison.ctx, { unit: 'mo-dsamma', roles: ['officer'] });
      // Guangdong and Macao have issued their Module 3 already (by the API); Hong Kong issues its own in the browser.
      for (const [officer, centre] of [[gdOfficer, 'Guangdong MRCC'], [moOfficer, 'Macao Maritime Rescue']] as const) {
        const issued = await api(liaison.app, await logInAs(liaison.app, officer.username), 'POST', '/sar-plans/rcc-modules', rccModuleInput(centre));
        expect(issued.statusCode, issued.body).toBe(201);
      }

      // Hong Kong's officer, in Traditional: its Module 3, a company, a ship (a wrong IMO check digit named at its field first).
      const hk = await liaison.newPage({ locale: 'zh-HK' });
      await logIn(hk, hkOfficer.username, PASSWORD);
      await hk.goto('/sar-plans/modules');
      const moduleForm = await openForm(hk, '發出本機構模塊三');
      await moduleForm.getByLabel('中心名稱（繁體中文）').fill('香港海上救援協調中心（瀏覽器測試）');
      await moduleForm.getByLabel('中心名稱（簡體中文）').fill('香港海上救援协调中心（浏览器测试）');
      await moduleForm.getByLabel('中心名稱（英文）').fill('MRCC Hong Kong (browser test)');
      await moduleForm.getByLabel('24小時電話').fill('+852 2233 7999');
      await moduleForm.getByLabel('地址（中文）').fill('香港中環統一碼頭道38號海港政府大樓');
      await moduleForm.getByLabel('地址（英文）').fill('Harbour Building, 38 Pier Road, Central, Hong Kong');
      await moduleForm.getByLabel('與遇險客船合作的程序（中文）').fill('接報後即時協調搜救，並通知廣東及澳門搜救機構。');
      await moduleForm.getByLabel('與遇險客船合作的程序（英文）').fill('On alert, MRCC Hong Kong co-ordinates the search and tells Guangdong and Macao.');
      await moduleForm.getByRole('button', { name: '發出本機構模塊三' }).click();
      await hk.getByText('新版本已發出').waitFor();
      await hk.locator('main .mantine-Card-root').filter({ hasText: '香港海上救援協調中心（瀏覽器測試）' }).waitFor();

      await hk.goto('/sar-plans/register');
      await hk.getByRole('link', { name: '登記公司' }).click();
      await hk.getByLabel('登記號碼').fill('HK-CO-8801');
      await hk.getByLabel('中文名稱').fill('晨曦渡輪有限公司');
      await hk.getByLabel('英文名稱').fill('Morning Light Ferries Limited');
      await hk.getByLabel('24小時聯絡人').fill('值班運作經理');
      await hk.getByLabel('24小時電話').fill('+852 2858 0000');
      await hk.getByLabel('24小時電郵').fill('ops@morninglight.example');
      await hk.getByRole('button', { name: '登記此公司' }).click();
      await hk.getByText('公司已登記。').waitFor();

      await hk.goto('/sar-plans/register');
      await hk.getByRole('link', { name: '登記船舶' }).click();
      const imo = imoFrom(912345);
      const wrongImo = `${imo.slice(0, 6)}${(Number(imo[6]) + 1) % 10}`;
      await hk.getByLabel('IMO編號').fill(wrongImo);
      await hk.getByLabel('MMSI').fill('477123456');
      await hk.getByLabel('呼號').fill('VRMLF8');
      await hk.getByLabel('中文名稱').fill('晨曦八號');
      await hk.getByLabel('英文名稱').fill('Morning Light 8');
      await hk.getByLabel('船籍港').fill('香港');
      await hk.getByRole('textbox', { name: '載客量' }).fill('418');
      await choose(hk, '營運公司', '晨曦渡輪有限公司');
      await choose(hk, '出發碼頭（航線1）', '港澳客輪碼頭');
      await choose(hk, '到達碼頭（航線1）', '外港客運碼頭');
      await hk.getByRole('button', { name: '登記此船舶' }).click();
      const imoField = hk.getByLabel('IMO編號');
      await expect.poll(() => imoField.getAttribute('aria-invalid')).toBe('true');
      expect(await mainText(hk)).toMatch(/IMO編號.*校驗碼不符/);
      expect.soft(await seriousViolations(hk), 'ship form with a field error, in Traditional').toEqual([]);
      await imoField.fill(imo);
      await hk.getByRole('button', { name: '登記此船舶' }).click();
      await hk.getByText('船舶已登記。').waitFor();
      // A change is kept in the ship's history.
      await hk.getByRole('textbox', { name: '載客量' }).fill('420');
      await hk.getByRole('button', { name: '儲存' }).click();
      await hk.getByRole('list', { name: '更改記錄' }).getByText(/更改：載客量/).waitFor();

      // It draws up the ship's plan, adds a SAR facility (Module 4), issues it and records an exercise.
      await hk.goto('/sar-plans/register');
      await hk.getByRole('row').filter({ hasText: '晨曦八號' }).getByRole('button', { name: '編制計劃' }).click();
      await hk.waitForURL('**/sar-plans/plans/*');
      const planPath = new URL(hk.url()).pathname;
      const facilities = await openForm(hk, '編輯搜救設施');
      await facilities.getByRole('button', { name: '新增設施' }).click();
      await facilities.getByLabel('設施1中文名稱').fill('海事處巡邏船');
      await facilities.getByLabel('設施1英文名稱').fill('Marine Department patrol launch');
      await facilities.getByLabel('設施1聯絡方式').fill('+852 2233 7999');
      await facilities.getByRole('button', { name: '編輯搜救設施' }).click();
      await hk.getByText('模塊四已儲存').waitFor();
      expect(await mainText(hk)).toContain('香港 · 船艇 · 海事處巡邏船');
      await hk.getByRole('button', { name: '發出', exact: true }).click();
      await hk.getByText('第1修訂版').first().waitFor();

      const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      const exercise = await openForm(hk, '記錄演練');
      await exercise.getByLabel('舉行日期').fill(yesterday);
      await exercise.getByLabel('參與者').fill('香港海上救援協調中心\n晨曦渡輪有限公司\n晨曦八號');
      await exercise.getByLabel('發現').fill('通訊演練順利，船舶於五分鐘內回應。');
      await exercise.getByLabel('行動1', { exact: true }).fill('更新船上聯絡表');
      await exercise.getByLabel('行動1負責人').fill('晨曦渡輪有限公司');
      await exercise.getByRole('button', { name: '記錄演練' }).click();
      await hk.getByText('演練已記錄。').waitFor();
      expect(await hk.getByRole('list', { name: '演練' }).innerText()).toContain('通訊演練順利，船舶於五分鐘內回應。');
      expect.soft(await seriousViolations(hk), 'plan page of its owner, in Traditional').toEqual([]);

      // Guangdong, in Simplified, reads Hong Kong's Module 3 converted and recognises the plan.
      const gd = await liaison.newPage({ locale: 'zh-CN' });
      await logIn(gd, gdOfficer.username, PASSWORD);
      await gd.goto(planPath);
      await gd.getByRole('button', { name: '认可此计划' }).click();
      await gd.getByText(/认可第1修订版/).first().waitFor();
      expect(await mainText(gd)).toContain('香港海上救援协调中心（浏览器测试）');
      expect(await mainText(gd)).toContain('晨曦八号');
      expect.soft(await seriousViolations(gd), 'plan page of another agency, in Simplified').toEqual([]);

      // Macao, in English, recognises it too, and prints it: all three agencies' information, both recognitions.
      const mo = await liaison.newPage({ locale: 'en-GB' });
      await logIn(mo, moOfficer.username, PASSWORD);
      await mo.goto(planPath);
      await mo.getByRole('button', { name: 'Recognise this plan' }).click();
      await mo.getByText(/recognised revision 1/).nth(1).waitFor();
      const en = (await downloadPdfText(mo, 'PDF (English)')).replace(/\s+/g, ' ');
      for (const centre of ['Guangdong MRCC (test)', 'MRCC Hong Kong (browser test)', 'Macao Maritime Rescue (test)']) expect(en).toContain(centre);
      for (const agency of ['Guangdong Maritime Search and Rescue Centre', 'Hong Kong Maritime Rescue Co-ordination Centre', 'Marine and Water Bureau']) expect(en).toContain(agency);
      expect(en).toContain('Morning Light 8');
      expect(en).toContain(imo);
      expect(en).toContain('Marine Department patrol launch');
      expect(en).toMatch(/Guangdong Maritime Search and Rescue Centre: recognised by/);
      expect(en).toMatch(/Marine and Water Bureau[^:]*: recognised by/);

      // Hong Kong sees both recognitions, and its Traditional PDF names the three agencies too.
      await hk.reload();
      await hk.getByText(/認可第1修訂版/).nth(1).waitFor();
      const zh = (await downloadPdfText(hk, 'PDF (繁體中文)')).replace(/\s+/g, '');
      for (const agency of ['廣東省海上搜救中心', '香港海上救援協調中心', '海事及水務局']) expect(zh).toContain(agency);
      expect(zh).toContain('客船與搜救中心合作計劃');
      expect(zh).toContain('香港海上救援協調中心（瀏覽器測試）');
      expect(zh).toContain('晨曦八號');

      // On a phone, the ship's form and the plan fit the screen's width.
      const phone = await liaison.newPage({ locale: 'zh-HK', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      await logIn(phone, hkOfficer.username, PASSWORD);
      for (const at of ['/sar-plans/ships/new', planPath]) {
        await phone.goto(at);
        await phone.getByRole('heading', { level: 1 }).waitFor();
        await phone.locator('main form, main table').first().waitFor();
        expect(await phone.evaluate(() => document.documentElement.scrollWidth), at).toBeLessThanOrEqual(375);
      }
    },
    240_000,
  );
});
