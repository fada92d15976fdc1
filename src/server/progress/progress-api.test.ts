import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';

type Indicator = { id: string; code: string; unit: string; baseline: { value: number } | null; current: { measurementId: string; value: number } | null; targets: { progress: { status: string; fraction: number | null } }[] };
type Commitment = { id: string; code: string; paragraph: number; ownerUnit: { code: string } | null; status: string; indicators: Indicator[] };

describe.each(engines)('Joint Conference progress on %s', (engine) => {
  let t: TestApp;
  let edbOfficer: string;
  let edbApprover: string;
  let edbReader: string;
  let fhbOfficer: string;
  let admin: string;
  let pairs: { commitment: Commitment; indicator: Indicator };

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edbOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    edbApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    edbReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['reader'] })).username);
    fhbOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    const all: Commitment[] = (await t.app.inject({ url: '/api/v1/progress/commitments?asOf=2015-10-31', headers: { cookie: edbReader } })).json();
    const commitment = all.find((c) => c.indicators.some((i) => i.baseline?.value === 291))!;
    pairs = { commitment, indicator: commitment.indicators.find((i) => i.baseline?.value === 291)! };
  });
  afterAll(() => t?.close());

  it('shows the October 2015 state from the paper: 291 sister-school pairs against a target of at least 60 more', async () => {
    expect(pairs.commitment.paragraph).toBe(14);
    expect(pairs.commitment.ownerUnit?.code).toBe('hk-edb');
    expect(pairs.indicator.current?.value).toBe(291);
    expect(pairs.indicator.targets.map((tg) => tg.progress.status)).toContain('in_progress');
  });

  it('covers the figures of paragraphs 3 to 15', async () => {
    const all: Commitment[] = (await t.app.inject({ url: '/api/v1/progress/commitments?asOf=2015-10-31', headers: { cookie: edbReader } })).json();
    const values = all.flatMap((c) => c.indicators.map((i) => i.current?.value));
    for (const figure of [291, 530, 2400, 390, 155, 80, 40000, 123, 7, 12]) expect(values).toContain(figure);
    for (let paragraph = 3; paragraph <= 15; paragraph++) expect(all.some((c) => c.paragraph === paragraph), `paragraph ${paragraph}`).toBe(true);
  });

  it('needs a log-in to read commitments', async () => {
    expect((await t.app.inject({ url: '/api/v1/progress/commitments' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/progress/areas', headers: { cookie: fhbOfficer } })).statusCode).toBe(200);
  });

  it('lets the owning unit record a figure, and computes the progress from it', async () => {
    const denied = await t.app.inject({ method: 'POST', url: `/api/v1/progress/indicators/${pairs.indicator.id}/measurements`, headers: { cookie: fhbOfficer }, payload: { value: 321, period: '2015/16', source: { document: 'EDB return' } } });
    expect(denied.statusCode).toBe(403);
    const reader = await t.app.inject({ method: 'POST', url: `/api/v1/progress/indicators/${pairs.indicator.id}/measurements`, headers: { cookie: edbReader }, payload: { value: 321, period: '2015/16', source: { document: 'EDB return' } } });
    expect(reader.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: `/api/v1/progress/indicators/${pairs.indicator.id}/measurements`, headers: { cookie: edbOfficer }, payload: { value: 321, period: '2015/17', source: {} } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('period');
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/progress/indicators/${pairs.indicator.id}/measurements`, headers: { cookie: edbOfficer }, payload: { value: 321, period: '2015/16', source: { document: 'EDB return' } } });
    expect(ok.statusCode).toBe(201);
    const after: Commitment = (await t.app.inject({ url: `/api/v1/progress/commitments/${pairs.commitment.id}?asOf=2016-09-30`, headers: { cookie: edbReader } })).json();
    const indicator = after.indicators.find((i) => i.id === pairs.indicator.id)!;
    expect(indicator.current?.value).toBe(321);
    const increase = indicator.targets.find((tg) => tg.progress.fraction !== null && Math.abs(tg.progress.fraction - 0.5) < 1e-9);
    expect(increase).toBeDefined(); // 30 of the 60 more pairs
    // As of October 2015 the new figure does not count yet.
    const then: Commitment = (await t.app.inject({ url: `/api/v1/progress/commitments/${pairs.commitment.id}?asOf=2015-10-31`, headers: { cookie: edbReader } })).json();
    expect(then.indicators.find((i) => i.id === pairs.indicator.id)!.current?.value).toBe(291);
  });

  it('needs a reason to change a status, and keeps the change on the timeline', async () => {
    const noReason = await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/commitments/${pairs.commitment.id}`, headers: { cookie: edbOfficer }, payload: { status: 'achieved' } });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/commitments/${pairs.commitment.id}`, headers: { cookie: edbOfficer }, payload: { status: 'overtaken', reason: 'Replaced by the 2016 Policy Address target' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('overtaken');
    expect(ok.json().timeline.at(-1)).toMatchObject({ fromStatus: pairs.commitment.status, toStatus: 'overtaken', reason: 'Replaced by the 2016 Policy Address target' });
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/commitments/${pairs.commitment.id}`, headers: { cookie: fhbOfficer }, payload: { status: 'dropped', reason: 'x' } });
    expect(other.statusCode).toBe(403);
  });

  it('lists the 18th Plenary with its five agreements and its decisions', async () => {
    const [plenary] = (await t.app.inject({ url: '/api/v1/progress/plenaries', headers: { cookie: edbReader } })).json();
    expect(plenary.number).toBe(18);
    expect(plenary.agreements).toHaveLength(5);
    expect(plenary.decisions.length).toBeGreaterThan(0);
    // ¶2 says only that a press release on the outcome was issued the same day: that, and where it is said.
    expect(plenary.pressRelease).toEqual({
      issuedOn: '2015-09-09',
      about: { 'zh-Hant': '會議成果', 'zh-Hans': '会议成果', en: 'The outcome of the meeting' },
      source: { document: 'Joint Conference paper, October 2015 (Constitutional and Mainland Affairs Bureau)', paragraph: 2, quote: 'A press release on the outcome of the meeting was issued on the same day.' },
    });
  });

  it("clears a draft's custom title with null, back to the dated title; a bad title is named as the report's Title", async () => {
    const drafted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/progress/reports',
      headers: { cookie: edbOfficer },
      payload: { areaCodes: ['education'], asOf: '2015-10-31', title: { en: 'Sister schools, autumn 2015', 'zh-Hant': '姊妹學校（2015年秋）' } },
    });
    expect(drafted.json().title['zh-Hans']).toBe('姊妹学校（2015年秋）');
    const url = `/api/v1/progress/reports/${drafted.json().id}`;
    const cleared = await t.app.inject({ method: 'PATCH', url, headers: { cookie: edbOfficer }, payload: { title: null } });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().title).toEqual({
      en: 'Progress of Hong Kong/Guangdong co-operation as at 31 October 2015',
      'zh-Hant': '粵港合作進展（截至2015年10月31日）',
      'zh-Hans': '粤港合作进展（截至2015年10月31日）',
    });
    const [edit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, drafted.json().id)).orderBy(desc(auditLog.id)).limit(1);
    expect(edit).toMatchObject({ action: 'progress_report.edited', data: { title: null } });
    for (const [lang, name] of [['en', 'Title'], ['zh-Hant', '標題'], ['zh-Hans', '标题']] as const) {
      const bad = await t.app.inject({ method: 'PATCH', url, headers: { cookie: edbOfficer, 'accept-language': lang }, payload: { title: 'a string' } });
      expect(bad.statusCode).toBe(400);
      const message = bad.json().error.fields[0].message as string;
      expect(message).toContain(name);
      expect(message).not.toMatch(/Post title|職銜|职务/);
    }
  });

  it('drafts a report from the figures, flags a figure corrected later, and freezes it when issued', async () => {
    const drafted = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie: edbOfficer }, payload: { areaCodes: ['education', 'youth'], asOf: '2015-10-31' } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const report = drafted.json();
    expect(report.status).toBe('draft');
    expect(report.narrative.education.en.achieved).toContain(`{{figure:${pairs.indicator.code}}}`);

    const html = (await t.app.inject({ url: `/api/v1/progress/reports/${report.id}/html?lang=en`, headers: { cookie: edbOfficer } })).body;
    expect(html).toContain('291 pairs');
    expect(html).toContain('over 530');
    const hant = (await t.app.inject({ url: `/api/v1/progress/reports/${report.id}/html?lang=zh-Hant`, headers: { cookie: edbOfficer } })).body;
    expect(hant).toContain('291對');
    expect(hant).toContain('lang="zh-Hant-HK"');
    const hans = (await t.app.inject({ url: `/api/v1/progress/reports/${report.id}/html?lang=zh-Hans`, headers: { cookie: edbOfficer } })).body;
    expect(hans).toContain('291对');

    // Nobody outside the drafting unit sees a draft, nor learns it exists.
    expect((await t.app.inject({ url: `/api/v1/progress/reports/${report.id}` })).statusCode).toBe(404);
    const outsider = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'mo-dsamma', roles: ['officer'] })).username);
    for (const url of [`/api/v1/progress/reports/${report.id}`, `/api/v1/progress/reports/${report.id}/html?lang=en`]) {
      expect((await t.app.inject({ url, headers: { cookie: outsider } })).statusCode).toBe(404);
    }
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/reports/${report.id}`, headers: { cookie: outsider }, payload: { title: { en: 'x', 'zh-Hant': 'x' } } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/progress/reports', headers: { cookie: outsider } })).json().map((r: { id: string }) => r.id)).not.toContain(report.id);
    expect((await t.app.inject({ url: '/api/v1/progress/reports', headers: { cookie: edbReader } })).json().map((r: { id: string }) => r.id)).toContain(report.id);

    // The officer edits the narrative; the figure stays linked.
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/progress/reports/${report.id}`,
      headers: { cookie: edbOfficer },
      payload: { narrative: { education: { en: { achieved: `Sister schools now number {{figure:${pairs.indicator.code}}}.`, next: 'More pairs.' } } } },
    });
    expect(edited.statusCode).toBe(200);

    // A figure corrected after drafting is flagged in the draft.
    const commitment: Commitment = (await t.app.inject({ url: `/api/v1/progress/commitments/${pairs.commitment.id}?asOf=2015-10-31`, headers: { cookie: edbReader } })).json();
    const measurementId = commitment.indicators.find((i) => i.id === pairs.indicator.id)!.current!.measurementId;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/measurements/${measurementId}`, headers: { cookie: edbOfficer }, payload: { value: 292, reason: 'EDB recount' } })).statusCode).toBe(204);
    const flagged = (await t.app.inject({ url: `/api/v1/progress/reports/${report.id}`, headers: { cookie: edbOfficer } })).json();
    expect(flagged.changedFigures).toEqual([{ indicatorCode: pairs.indicator.code, was: 291, now: 292 }]);
    expect((await t.app.inject({ url: `/api/v1/progress/reports/${report.id}/html?lang=en`, headers: { cookie: edbOfficer } })).body).toContain('changed since drafted (was 291 pairs)');

    // Only an approver of the drafting unit issues it.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/progress/reports/${report.id}/issue`, headers: { cookie: edbOfficer } })).statusCode).toBe(403);
    const issued = await t.app.inject({ method: 'POST', url: `/api/v1/progress/reports/${report.id}/issue`, headers: { cookie: edbApprover } });
    expect(issued.statusCode).toBe(200);
    const hash = issued.json().snapshotHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const [audit] = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, report.id)).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'progress_report.issued', data: { snapshotHash: hash } });

    // Frozen: no more edits, and a later correction does not reach it.
    expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/reports/${report.id}`, headers: { cookie: edbOfficer }, payload: { title: { en: 'x', 'zh-Hant': 'x' } } })).statusCode).toBe(409);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/progress/measurements/${measurementId}`, headers: { cookie: edbOfficer }, payload: { value: 98765, reason: 'typo' } });
    const publicHtml = await t.app.inject({ url: `/api/v1/progress/reports/${report.id}/html?lang=en` });
    expect(publicHtml.statusCode).toBe(200);
    expect(publicHtml.body).toContain('Sister schools now number 292 pairs.');
    expect(publicHtml.body).not.toContain('98,765');
    expect(publicHtml.body).toContain(hash);
    const publicList = (await t.app.inject({ url: '/api/v1/progress/reports' })).json();
    expect(publicList.map((r: { id: string }) => r.id)).toEqual([report.id]);
  });

  it('refuses a report for an unknown area and a draft by a reader', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie: edbOfficer }, payload: { areaCodes: ['space'], asOf: '2015-10-31' } });
    expect(unknown.statusCode).toBe(400);
    const reader = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie: edbReader }, payload: { areaCodes: ['education'], asOf: '2015-10-31' } });
    expect(reader.statusCode).toBe(403);
    const platform = await t.app.inject({ method: 'POST', url: '/api/v1/progress/reports', headers: { cookie: admin }, payload: { areaCodes: ['education'], asOf: '2015-10-31' } });
    expect(platform.statusCode).toBe(201);
  });
});

describe.each(engines)('figures Liaison measures itself, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  it('counts the agreements signed at the 18th Plenary from the agreements registry, not from a typed figure', async () => {
    const cookie = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-cmab', roles: ['officer'] })).username);
    const find = async (asOf: string) => {
      const all: Commitment[] = (await t.app.inject({ url: `/api/v1/progress/commitments?asOf=${asOf}&area=other`, headers: { cookie } })).json();
      return all.flatMap((c) => c.indicators).find((i) => i.code === 'agreements-signed-jc-18')!;
    };
    const after = await find('2015-10-31');
    expect(after.current?.value).toBe(5);
    expect(after.targets[0].progress.status).toBe('met');
    expect((await find('2015-09-01')).current).toBeNull();
    const typed = await t.app.inject({ method: 'POST', url: `/api/v1/progress/indicators/${after.id}/measurements`, headers: { cookie }, payload: { value: 6, date: '2015-10-01', source: {} } });
    expect(typed.statusCode).toBe(400);
  });
});
