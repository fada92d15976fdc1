import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { agencyOfficers, api, buildPlan, issueAllModules, type Agencies } from '../../../test/support/sar-plans.ts';
import { chromiumPath } from '../platform/pdf.ts';

/** Printing needs Debian's Chromium and pdftotext (poppler-utils); without them only the PDF's assertions are skipped, saying why. */
const printable = fs.existsSync(chromiumPath()) && (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!printable) console.warn(`SAR plan PDF: skipped — it needs Chromium at ${chromiumPath()} and pdftotext (apt-get install chromium fonts-noto-cjk poppler-utils)`);

describe('a SAR co-operation plan as a document', () => {
  let t: TestApp;
  let agencies: Agencies;
  let id: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-sar-pdf-'));

  beforeAll(async () => {
    t = await startTestApp();
    agencies = await agencyOfficers(t.app, t.ctx);
    await issueAllModules(t.app, agencies);
    id = await buildPlan(t.app, agencies.hk, 'HK');
    await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${id}/recognise`, {});
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is a web page in the circular’s four modules, in English and Chinese, with all three agencies’ information', async () => {
    const en = (await api(t.app, agencies.mo, 'GET', `/sar-plans/plans/${id}/html?lang=en`)).body;
    for (const text of ['Module 1 — The company', 'Module 2 — The ship', 'Module 3', 'Module 4 — SAR facilities', 'Guangdong MRCC (test)', 'MRCC Hong Kong (test)', 'Macao Maritime Rescue (test)', 'Distribution list of controlled copies', 'recognised by']) expect(en).toContain(text);
    const hant = (await api(t.app, agencies.mo, 'GET', `/sar-plans/plans/${id}/html?lang=zh-Hant`)).body;
    expect(hant).toContain('客船與搜救中心合作計劃');
    expect(hant).toContain('廣東省海上搜救中心');
    const hans = (await api(t.app, agencies.mo, 'GET', `/sar-plans/plans/${id}/html?lang=zh-Hans`)).body;
    expect(hans).toContain('客船与搜救中心合作计划');
    expect(hans).toContain('海事及水务局');
  });

  it.skipIf(!printable)('prints to PDF whose text holds all three agencies’ information, in English and Traditional Chinese', async () => {
    const text = async (lang: string) => {
      const response = await api(t.app, agencies.gd, 'GET', `/sar-plans/plans/${id}/pdf?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const file = path.join(dir, `${lang}.pdf`);
      fs.writeFileSync(file, response.rawPayload);
      return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    };
    const en = await text('en');
    for (const centre of ['Guangdong MRCC (test)', 'MRCC Hong Kong (test)', 'Macao Maritime Rescue (test)']) expect(en).toContain(centre);
    for (const agency of ['Guangdong Maritime Search and Rescue Centre', 'Hong Kong Maritime Rescue Co-ordination Centre', 'Marine and Water Bureau']) expect(en.replace(/\s+/g, ' ')).toContain(agency);
    expect(en).toContain('Test rescue boat');
    const zh = (await text('zh-Hant')).replace(/\s+/g, '');
    for (const agency of ['廣東省海上搜救中心', '香港海上救援協調中心', '海事及水務局']) expect(zh).toContain(agency);
    expect(zh).toContain('客船與搜救中心合作計劃');
  });
});
