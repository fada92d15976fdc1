import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mailOutbox, users } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, buildCoordinator, buildSchool } from '../../../test/support/schools.ts';
import { ensureSampleSchools } from './sample-schools.ts';
import { schools, sisterPairs } from './schema.ts';

describe.each(engines)('sister-school activities, annual cycle, grant and progress on %s', (engine) => {
  let t: TestApp;
  let edb: string;
  let edbApprover: string;
  let gdEdu: string;
  let gdApprover: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    edbApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    gdEdu = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    gdApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['approver'] })).username);
  });
  afterAll(() => t?.close());

  async function activePair(overrides: { hk?: Record<string, unknown> } = {}) {
    const hk = await buildSchool(t.app, edb, 'HK', overrides.hk);
    const gd = await buildSchool(t.app, gdEdu, 'GD');
    const hkC = await buildCoordinator(t.app, edb, hk, { email: `c-${hk.slice(0, 8)}@school.example` });
    const gdC = await buildCoordinator(t.app, gdEdu, gd);
    const pair = (await api(t.app, hkC.cookie, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).json();
    await api(t.app, gdC.cookie, 'POST', `/sister-pairs/${pair.id}/consent`, {});
    await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    const active = await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect(active.json().status).toBe('active');
    return { id: pair.id as string, hk, gd, hkC: hkC.cookie, gdC: gdC.cookie, hkEmail: `c-${hk.slice(0, 8)}@school.example` };
  }

  it('records activities of both schools with participants by group, counted per pair, and shared materials with a licence', async () => {
    const pair = await activePair();
    const visit = await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/activities`, {
      kind: 'student_exchange',
      heldOn: '2026-11-20',
      place: '深圳',
      participants: [{ group: 'students', side: 'HK', count: 30 }, { group: 'teachers', side: 'HK', count: 4 }, { group: 'students', side: 'GD', count: 35 }],
      description: '兩校學生共同參與STEM工作坊',
      evidence: ['https://school.example/photos/1'],
    });
    expect(visit.statusCode, visit.body).toBe(200);
    const observed = await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'lesson_observation', heldOn: '2026-11-21', participants: [{ group: 'teachers', side: 'GD', count: 6 }], description: '观课及评课' });
    const detail = observed.json();
    expect(detail.activities.map((a: { kind: string; total: number; addedBy: { side: string } }) => [a.kind, a.total, a.addedBy.side])).toEqual([['lesson_observation', 6, 'GD'], ['student_exchange', 69, 'HK']]);
    expect(detail.participantTotals).toEqual({ students: 65, teachers: 10 });
    const future = await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'visit', heldOn: '2027-11-21', participants: [{ group: 'teachers', side: 'GD', count: 1 }], description: 'x' });
    expect(future.json().error.fields[0]).toMatchObject({ field: 'heldOn', code: 'in_future' });
    const noOne = await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'visit', heldOn: '2026-11-21', participants: [], description: 'x' });
    expect(noOne.json().error.fields[0].field).toBe('participants');
    // The authorities read; they do not record the schools' activities for them.
    expect((await api(t.app, edb, 'GET', `/sister-pairs/${pair.id}`)).json().activities).toHaveLength(2);
    expect((await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'visit', heldOn: '2026-11-21', participants: [{ group: 'teachers', side: 'HK', count: 1 }], description: 'x' })).statusCode).toBe(403);
    const material = await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/materials`, { title: '岭南文化校本教材', description: '四年级语文单元', licence: 'CC-BY-4.0', url: 'https://school.example/m/1' });
    expect(material.json().materials[0]).toMatchObject({ title: '岭南文化校本教材', licence: 'CC-BY-4.0', addedBy: { side: 'GD' } });
    expect((await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/materials`, { title: 'x', description: 'y', licence: 'all rights reserved' })).statusCode).toBe(400);
    const found = await api(t.app, gdEdu, 'GET', `/search?q=${encodeURIComponent('嶺南文化')}`);
    expect(found.json().results.map((r: { kind: string }) => r.kind)).toContain('shared_material');
  });

  it('keeps the plan to 2 pages and the report to 4, with deadlines; the authority returns it for changes and accepts it', async () => {
    const pair = await activePair();
    const tooLong = await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan`, { body: '計'.repeat(3001) }, { 'accept-language': 'en' });
    expect(tooLong.json().error.fields[0]).toMatchObject({ field: 'body', code: 'too_many_pages', message: 'Text is longer than 2 pages (at most 3000 characters).' });
    const saved = await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan`, { body: '本年度計劃：教師互訪兩次，學生交流一次。' });
    expect(saved.json().documents[0]).toMatchObject({ kind: 'plan', schoolYear: '2026/27', status: 'draft', dueOn: '2026-10-31', overdue: true, maxPages: 2 });
    const report = await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/documents/2025-26/report`, { body: '报'.repeat(5999) });
    expect(report.json().documents.find((d: { kind: string }) => d.kind === 'report')).toMatchObject({ dueOn: '2026-11-30', overdue: false, maxPages: 4 });
    expect((await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/review`, { decision: 'accept' })).statusCode).toBe(409);
    await api(t.app, pair.gdC, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/submit`);
    expect((await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan`, { body: '改' })).statusCode).toBe(409);
    expect((await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/review`, { decision: 'accept' })).statusCode).toBe(403);
    expect((await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/review`, { decision: 'return' })).json().error.fields[0].field).toBe('comment');
    const returned = await api(t.app, gdEdu, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/review`, { decision: 'return', comment: '請補充家長交流安排' });
    expect(returned.json().documents.find((d: { kind: string }) => d.kind === 'plan')).toMatchObject({ status: 'returned', reviewComment: '請補充家長交流安排' });
    expect((await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, pair.hkEmail))).map((m) => m.subject).join()).toContain('returned for changes');
    await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan`, { body: '本年度計劃：教師互訪兩次，學生交流一次，家長交流一次。' });
    await api(t.app, hkC(pair), 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/submit`);
    const accepted = await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan/review`, { decision: 'accept' });
    expect(accepted.json().documents.find((d: { kind: string }) => d.kind === 'plan')).toMatchObject({ status: 'accepted', overdue: false });
  });

  it('reminds the schools by e-mail of a plan due soon, once a week', async () => {
    const pair = await activePair();
    await t.ctx.db.update(users).set({ locale: 'zh-Hant' }).where(eq(users.email, pair.hkEmail));
    const sent = await api(t.app, edb, 'POST', '/school-reminders');
    expect(sent.json().reminded).toBeGreaterThan(0);
    const mails = async () => (await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, pair.hkEmail))).filter((m) => m.subject.includes('到期'));
    expect((await mails()).length).toBe(1);
    await api(t.app, edb, 'POST', '/school-reminders');
    expect((await mails()).length).toBe(1);
    expect((await api(t.app, hkC(pair), 'POST', '/school-reminders')).statusCode).toBe(403);
  });

  it('makes a Hong Kong school with an active pair eligible for the year’s grant (HK$120,000 in 2015/16, ¶14), with spending as reported', async () => {
    const pair = await activePair();
    // The pair started in 2026/27: not in the pilot years.
    const now = (await api(t.app, hkC(pair), 'GET', `/schools/${pair.hk}/grant?year=2026/27`)).json();
    expect(now).toMatchObject({ eligible: false, reasons: ['no_rate'], amountHkd: 0 });
    const rates = (await api(t.app, edb, 'GET', '/school-grants/rates')).json();
    expect(rates[0]).toMatchObject({ schoolYear: '2015/16', amountHkd: 120000, source: expect.stringContaining('¶14') });
    expect((await api(t.app, edb, 'POST', '/school-grants/rates/2026-27', { amountHkd: 150000, source: 'EDB circular (test)' })).statusCode).toBe(403);
    expect((await api(t.app, gdApprover, 'POST', '/school-grants/rates/2026-27', { amountHkd: 150000, source: 'x' })).statusCode).toBe(403);
    expect((await api(t.app, edbApprover, 'POST', '/school-grants/rates/2026-28', { amountHkd: 150000, source: 'x' })).statusCode).toBe(400);
    expect((await api(t.app, edbApprover, 'POST', '/school-grants/rates/2026-27', { amountHkd: 150000, source: 'EDB circular (test)' })).statusCode).toBe(200);
    expect((await api(t.app, hkC(pair), 'POST', `/schools/${pair.hk}/grant/spending`, { schoolYear: '2026/27', amountHkd: 42000, item: '學生交流團交通費' })).statusCode).toBe(201);
    const grant = (await api(t.app, edb, 'GET', `/schools/${pair.hk}/grant?year=2026/27`)).json();
    expect(grant).toMatchObject({ eligible: true, reasons: ['active_pair'], amountHkd: 150000, spentHkd: 42000, balanceHkd: 108000 });
    // Not the Guangdong school's, nor another school's to report.
    expect((await api(t.app, pair.gdC, 'GET', `/schools/${pair.gd}/grant?year=2026/27`)).statusCode).toBe(403);
    expect((await api(t.app, pair.gdC, 'POST', `/schools/${pair.hk}/grant/spending`, { schoolYear: '2026/27', amountHkd: 1, item: 'x' })).statusCode).toBe(403);
    // A private school is not in the scheme's grant (¶14: public sector and DSS schools).
    const privateSchool = await activePair({ hk: { sector: 'private' } });
    expect((await api(t.app, edb, 'GET', `/schools/${privateSchool.hk}/grant?year=2026/27`)).json()).toMatchObject({ eligible: false, reasons: ['sector'] });
  });

  it('derives the sister-school pairs figure of the progress indicators from the registry, leaving sample pairs out', async () => {
    const figure = async (asOf: string) => {
      const all = (await api(t.app, edb, 'GET', `/progress/commitments?asOf=${asOf}`)).json();
      const indicator = all.flatMap((c: { indicators: { code: string }[] }) => c.indicators).find((i: { code: string }) => i.code === 'sister-school-pairs');
      return indicator.current.value as number;
    };
    expect(await figure('2015-10-31')).toBe(291);
    // Three real pairs that began in 2016, one of which ended in 2017; one pair of sample schools.
    const started = async (startedOn: string, endedOn: string | null, sample = false) => {
      const now = new Date();
      const [hk] = await t.ctx.db.insert(schools).values({ code: `P-HK-${startedOn}-${sample}-${endedOn}`, partyCode: 'HK', nameZh: '甲', nameEn: 'A', level: 'primary', sector: 'aided', district: 'x', preferences: { levels: [], sectors: [], districts: [], themes: [] }, isSample: sample, createdAt: now, updatedAt: now }).returning();
      const [gd] = await t.ctx.db.insert(schools).values({ code: `P-GD-${startedOn}-${sample}-${endedOn}`, partyCode: 'GD', nameZh: '乙', nameEn: 'B', level: 'primary', sector: 'public', district: 'y', preferences: { levels: [], sectors: [], districts: [], themes: [] }, isSample: sample, createdAt: now, updatedAt: now }).returning();
      await t.ctx.db.insert(sisterPairs).values({ hkSchoolId: hk.id, gdSchoolId: gd.id, status: endedOn ? 'ended' : 'active', origin: 'school', proposedBy: hk.id, proposedByParty: 'HK', startedOn, endedOn, createdAt: now, updatedAt: now });
    };
    await started('2016-03-01', null);
    await started('2016-05-01', '2017-06-30');
    await started('2016-09-15', null);
    await started('2016-04-01', null, true);
    expect(await figure('2016-06-30')).toBe(293);
    expect(await figure('2016-12-31')).toBe(294);
    expect(await figure('2017-08-31')).toBe(293);
    // The 2015 figure stays the paper's.
    expect(await figure('2015-10-31')).toBe(291);
  });

  it('loads the sample schools only for the demonstration, each marked as sample, with coordinators', async () => {
    expect(await ensureSampleSchools(t.ctx)).toBe(0);
    const demo = { ...t.ctx, config: { ...t.ctx.config, demo: true, demoPassword: 'demo-password-123' } };
    expect(await ensureSampleSchools(demo)).toBe(60);
    expect(await ensureSampleSchools(demo)).toBe(0);
    const coordinator = await logInAs(t.app, 'school-hk-01', 'demo-password-123');
    const me = (await api(t.app, coordinator, 'GET', '/schools/me')).json();
    expect(me.school).toMatchObject({ code: 'SAMPLE-HK-01', isSample: true });
    const listed = (await api(t.app, edb, 'GET', '/schools?q=SAMPLE-GD-01')).json();
    expect(listed.schools[0]).toMatchObject({ isSample: true, name: { en: expect.stringContaining('(sample)') } });
    // A sample school never pairs with a real one, nor leaves in an export.
    const real = await buildSchool(t.app, edb, 'HK');
    expect((await api(t.app, edb, 'POST', '/sister-pairs', { hkSchoolId: real, gdSchoolId: listed.schools[0].id })).json().error.fields[0].code).toBe('sample_mix');
    expect((await api(t.app, edb, 'GET', '/schools/export?format=csv')).body).not.toContain('SAMPLE-');
  });
});

const hkC = (pair: { hkC: string }) => pair.hkC;
