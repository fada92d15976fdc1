import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildUser, PASSWORD } from '../support/harness.ts';
import { logIn, mainText, startBrowserApp, type BrowserApp } from './browser.ts';
import { seriousViolations } from './axe.ts';



/** Downloads a file through a link of the page, as a user would, and returns its text as pdftotext reads it. */
async function downloadPdfText(page: Page, linkName: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('link', { name: linkName }).click()]);
  const file = path.join(workDir, `${linkName.replace(/\W+/g, '-')}.pdf`);
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

let liaison: BrowserApp;
let workDir: string;
beforeAll(async () => {
  liaison = await startBrowserApp();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-progress-'));
});
afterAll(async () => {
  await liaison?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('Joint Conference progress reports', () => {
  let reportPath = '';
  const title = 'Progress of Hong Kong/Guangdong co-operation as at 31 October 2015';

  it('lets an officer draft the report of all areas as at 31 October 2015 and download it with the paper\'s figures', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-cmab', roles: ['officer'] });
    const page = await liaison.newPage();
    await logIn(page, officer.username, PASSWORD);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Progress' }).click();
    await page.getByRole('navigation', { name: 'Sections of progress' }).getByRole('link', { name: 'Progress reports' }).click();
    const form = page.getByRole('form', { name: 'Draft a report' });
    await form.getByRole('checkbox').first().waitFor();

    // Every co-operation area is chosen unless narrowed.
    const areas = form.getByRole('checkbox');
    expect(await areas.count()).toBeGreaterThanOrEqual(9);
    for (const box of await areas.all()) expect(await box.isChecked()).toBe(true);
    await form.getByLabel('Figures as at').fill('2015-10-31');
    await form.getByRole('button', { name: 'Draft the report' }).click();
    await page.waitForURL(/\/progress\/reports\/[0-9a-f-]{36}$/);
    reportPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 2, name: title }).waitFor();
    expect(await mainText(page)).toContain('Draft');

    // The narrative is edited per area; a placeholder keeps the figure linked to its measurement.
    // The preview below loads on its own and moves the page when it does: it is waited for first,
    // as a click on a button that moves under it lands elsewhere (seen on a loaded machine).
    await page.frameLocator('iframe').getByRole('heading', { name: title }).waitFor({ timeout: 45_000 });
    await page.getByRole('button', { name: 'Co-operation in education' }).click();
    const education = page.getByRole('form', { name: 'Narrative: Co-operation in education' });
    expect(await education.getByRole('textbox', { name: 'Progress (English)' }).inputValue()).toContain('{{figure:sister-school-pairs}}');
    await education.getByRole('textbox', { name: 'Progress (English)' }).fill('Sister schools now number {{figure:sister-school-pairs}}.');
    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/v1/progress/reports/'));
    await education.getByRole('button', { name: /^Save the narrative/ }).click();
    expect((await patched).status()).toBe(200);
    await education.getByText('The narrative was saved').waitFor();
    expect(await page.frameLocator('iframe').locator('body').innerText()).toBeTruthy();

    const english = await downloadPdfText(page, 'PDF, English');
    for (const figure of ['291 pairs', 'over 530', 'over 2,400', '123']) expect(english).toContain(figure);
    expect(english).toContain('Sister schools now number 291 pairs.');
    const traditional = await downloadPdfText(page, 'PDF, 繁體中文');
    for (const figure of ['291對', '超過 530']) expect(traditional).toContain(figure);

    // Only an approver issues it.
    expect(await mainText(page)).toContain('An approver of the drafting unit issues the report.');
    expect(await page.getByRole('button', { name: /^Issue/ }).count()).toBe(0);
    expect(await seriousViolations(page), 'report page').toEqual([]);
    await page.context().close();
  });

  it('is issued by an approver of the unit, and then shown to anyone at /reports with its fingerprint', async () => {
    const approver = await buildUser(liaison.ctx, { unit: 'hk-cmab', roles: ['approver'] });
    const page = await liaison.newPage();
    await logIn(page, approver.username, PASSWORD);
    await page.goto(reportPath);
    await page.getByRole('button', { name: 'Issue the report…' }).click();
    await page.getByRole('button', { name: 'Issue now' }).click();
    const fingerprint = (await page.getByTestId('fingerprint').innerText()).trim();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(await mainText(page)).toContain('Issued');
    await page.context().close();

    const visitor = await liaison.newPage();
    await visitor.goto('/reports');
    const article = visitor.getByRole('article').filter({ hasText: title });
    await article.waitFor();
    expect((await article.getByTestId('fingerprint').innerText()).trim()).toBe(fingerprint);
    for (const name of ['PDF, English', 'PDF, 繁體中文', 'PDF, 简体中文', 'Web page, English', 'Web page, 繁體中文', 'Web page, 简体中文']) {
      expect(await article.getByRole('link', { name }).getAttribute('href')).toMatch(/\/api\/v1\/progress\/reports\/[0-9a-f-]{36}\/(pdf|html)\?lang=/);
    }
    const html = await visitor.request.get((await article.getByRole('link', { name: 'Web page, 简体中文' }).getAttribute('href'))!);
    expect(html.status()).toBe(200);
    expect(await html.text()).toContain('291对');

    await article.getByRole('link', { name: title }).click();
    await visitor.getByRole('heading', { level: 2, name: title }).waitFor();
    expect((await visitor.getByTestId('fingerprint').innerText()).trim()).toBe(fingerprint);
    expect(await seriousViolations(visitor), 'public report').toEqual([]);
    await visitor.context().close();
  });
});

describe('commitments and their figures', () => {
  it('shows the areas with their commitments, figures and progress as at a chosen day', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const page = await liaison.newPage();
    await logIn(page, officer.username, PASSWORD);
    await page.goto('/progress');
    await page.getByRole('button', { name: /^Joint Conference paper/ }).click();
    await page.getByText('Figures and progress as at 31 October 2015.').waitFor();
    const pairs = page.getByRole('article').filter({ hasText: 'Form at least 60 more pairs' });
    await pairs.waitFor();
    const text = await pairs.innerText();
    expect(text).toContain('Latest figure: 291 pairs (2014/15 school year)');
    expect(text).toContain('Education Bureau');
    expect(text).toContain('para. 14');
    expect(text).toContain('clause 2');
    expect(await pairs.getByRole('progressbar').count()).toBe(2);
    expect(await seriousViolations(page), '/progress').toEqual([]);

    // Another unit reads the figures but does not keep them.
    await pairs.getByRole('link', { name: 'Form at least 60 more pairs of Guangdong-Hong Kong sister schools' }).click();
    await page.getByRole('img', { name: /over time, against the target/ }).waitFor();
    expect(await mainText(page)).toContain('kept by Education Bureau');
    expect(await page.getByRole('button', { name: 'Record a figure' }).count()).toBe(0);
    await page.context().close();
  });

  it('lets the owning unit record a figure with its source, and computes the progress from it', async () => {
    const officer = await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['officer'] });
    const page = await liaison.newPage();
    await logIn(page, officer.username, PASSWORD);
    await page.goto('/progress#area-education');
    await page.getByRole('link', { name: 'Form at least 60 more pairs of Guangdong-Hong Kong sister schools' }).click();
    await page.getByRole('button', { name: 'Record a figure' }).click();
    const form = page.getByRole('form', { name: /^Record a figure/ });
    await form.getByRole('button', { name: 'Record the figure' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('textbox', { name: 'Figure' }).getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: 'Figure' }).fill('321');
    await form.getByRole('textbox', { name: /^School year or year/ }).fill('2015/16');
    await form.getByRole('textbox', { name: /^Source document/ }).fill('EDB return, September 2016');
    await form.getByRole('textbox', { name: /^Words quoted/ }).fill('321 pairs of sister schools');
    expect(await seriousViolations(page), 'commitment page with the figure form').toEqual([]);
    await form.getByRole('button', { name: 'Record the figure' }).click();
    await form.waitFor({ state: 'detached' });
    const indicator = page.getByRole('region', { name: 'Pairs of Guangdong-Hong Kong sister schools' });
    await indicator.getByText('Latest figure: 321 pairs (2015/16 school year)').waitFor();
    expect(await indicator.innerText()).toContain('50%'); // 30 of the 60 more pairs
    expect(await indicator.getByRole('table').innerText()).toContain('EDB return, September 2016');
    await page.context().close();

    // A reader of the unit sees the form, and the server's refusal in its words.
    const reader = await buildUser(liaison.ctx, { unit: 'hk-edb', roles: ['reader'] });
    const readerPage = await liaison.newPage();
    await logIn(readerPage, reader.username, PASSWORD);
    await readerPage.goto(page.url());
    await readerPage.getByRole('button', { name: 'Record a figure' }).click();
    const readerForm = readerPage.getByRole('form', { name: /^Record a figure/ });
    await readerForm.getByRole('textbox', { name: 'Figure' }).fill('330');
    await readerForm.getByRole('textbox', { name: /^School year or year/ }).fill('2016/17');
    await readerForm.getByRole('button', { name: 'Record the figure' }).click();
    expect(await readerForm.getByRole('alert').innerText()).toContain('You do not have permission to do this.');
    await readerPage.context().close();
  });
});
