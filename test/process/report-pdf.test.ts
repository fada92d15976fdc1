import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, logInAs, startTestApp, type TestApp } from '../support/harness.ts';
import { chromiumPath, htmlToPdf } from '../../src/server/platform/pdf.ts';

/** The October 2015 paper, regenerated from the data as PDF by Chromium and read back with pdftotext. */
describe('the progress report as PDF', () => {
  let t: TestApp;
  let cookie: string;
  let reportId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-pdf-'));

  beforeAll(async () => {
    if (!fs.existsSync(chromiumPath())) throw new Error(`Chromium is needed at ${chromiumPath()} (apt-get install chromium fonts-noto-cjk)`);
    t = await startTestApp();
    cookie = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-cmab', roles: ['officer'] })).username);
    const areas = (await t.app.inject({ url: '/api/v1/progress/areas', headers: { cookie } })).json().map((a: { code: string }) => a.code);
    const drafted = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie }, payload: { areaCodes: areas, asOf: '2015-10-31' } });
    reportId = drafted.json().id;
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pdfText = async (lang: string) => {
    const response = await t.app.inject({ url: `/api/v1/progress/reports/${reportId}/pdf?lang=${lang}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, `${lang}.pdf`);
    fs.writeFileSync(file, response.rawPayload);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  };

  it('contains the paper\'s figures in English', async () => {
    const text = await pdfText('en');
    for (const figure of ['291 pairs', 'over 530', 'over 2,400', '123', '155', 'over 40,000 teachers and students', 'HK$25 million']) expect(text).toContain(figure);
    expect(text).toContain('31 October 2015');
  });

  it("prints a table's header once per page it runs to, never alone at the foot of a page", async () => {
    // The education section many times over, each copy a line longer than the last, so that
    // some copy's table starts at the foot of a page whatever the fonts' exact metrics.
    const page = (await t.app.inject({ url: `/api/v1/progress/reports/${reportId}/html?lang=en`, headers: { cookie } })).body;
    const section = page.match(/<section>\s*<h2>8\. [\s\S]*?<\/section>/)![0];
    const copies = Array.from({ length: 16 }, (_, i) => section.replace('<section>', `<section>${'<p>Padding line.</p>'.repeat(i)}`)).join('\n');
    const file = path.join(dir, 'tables.pdf');
    fs.writeFileSync(file, await htmlToPdf(page.replace(/<section>[\s\S]*<\/section>/, copies)));
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)![1]);
    const header = /^\s*Indicator\s+Latest figure\s+Target\s+Source\s*$/;
    const problems: string[] = [];
    let headers = 0;
    for (let n = 1; n <= pages; n++) {
      const lines = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.trim());
      lines.forEach((line, i) => {
        if (!header.test(line)) return;
        headers++;
        if (i === lines.length - 1) problems.push(`page ${n}: a header alone at the foot`);
        else if (header.test(lines[i + 1])) problems.push(`page ${n}: the header printed twice`);
      });
    }
    expect(problems).toEqual([]);
    expect(headers).toBeGreaterThanOrEqual(16);
  });

  it('contains them in Traditional Chinese', async () => {
    const text = await pdfText('zh-Hant');
    expect(text).toContain('291對');
    expect(text).toContain('超過 530');
    expect(text).toContain('2015年10月31日');
  });

  it('is in Simplified on request', async () => {
    const text = await pdfText('zh-Hans');
    expect(text).toContain('291对');
    expect(text).toContain('超过 530');
  });
});
