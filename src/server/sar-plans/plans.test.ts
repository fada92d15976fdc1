import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { auditLog, exchangeMessages, mailOutbox, users } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { agencyOfficers, api, buildPlan, issueAllModules, rccModuleInput, type Agencies } from '../../../test/support/sar-plans.ts';
import { dispatchOnce } from '../exchange/dispatch.ts';
import { sarPlanCopies, sarPlanRecognitions, sarPlans } from './schema.ts';

type Copy = { id: string; revision: number; number: number; holder: string; state: string; label: string; holderUnit: { code: string } | null };

describe.each(engines)('SAR co-operation plans on %s', (engine) => {
  let t: TestApp;
  let agencies: Agencies;
  let hkReader: string;
  let fhb: string;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    agencies = await agencyOfficers(t.app, t.ctx);
    hkReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['reader'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    // No plan before all three agencies have a Module 3.
    const { buildShip } = await import('../../../test/support/sar-plans.ts');
    const { shipId } = await buildShip(t.app, agencies.hk, 'HK');
    const early = await api(t.app, agencies.hk, 'POST', '/sar-plans/plans', { shipId });
    expect(early.statusCode).toBe(409);
    await issueAllModules(t.app, agencies);
  });
  afterAll(() => t?.close());

  const get = async (cookie: string, id: string) => (await api(t.app, cookie, 'GET', `/sar-plans/plans/${id}`)).json();

  it('assembles a plan from the company, the ship, all three agencies’ current Module 3 and the SAR facilities', async () => {
    const id = await buildPlan(t.app, agencies.hk, 'HK', { issue: false });
    const plan = await get(agencies.hk, id);
    expect(plan).toMatchObject({ status: 'draft', revision: 0, valid: true, owner: { code: 'hk-mrcc' }, reference: expect.stringMatching(/^HK-SAR-2026-\d{4}$/) });
    expect(plan.modules.map((m: { agency: { code: string }; version: number }) => [m.agency.code, m.version])).toEqual([['gd-msar', 1], ['hk-mrcc', 1], ['mo-dsamma', 1]]);
    expect(plan.facilities[0].name).toMatchObject({ 'zh-Hans': '测试救援艇', en: 'Test rescue boat' });
    expect(plan.company.contact.phone).toBeTruthy();
    // One plan per ship; only the ship's place's agency draws it up.
    expect((await api(t.app, agencies.hk, 'POST', '/sar-plans/plans', { shipId: plan.ship.id })).statusCode).toBe(409);
    expect((await api(t.app, agencies.gd, 'POST', '/sar-plans/plans', { shipId: plan.ship.id })).statusCode).toBe(403);
  });

  it('issues five numbered controlled copies; each holder acknowledges its own, once; a new revision supersedes them to be acknowledged withdrawn', async () => {
    const id = await buildPlan(t.app, agencies.gd, 'GD');
    let plan = await get(agencies.gd, id);
    const copies: Copy[] = plan.copies;
    expect(copies.map((c) => [c.number, c.holder, c.holderUnit?.code ?? null])).toEqual([
      [1, 'owner_agency', 'gd-msar'],
      [2, 'agency_2', 'hk-mrcc'],
      [3, 'agency_3', 'mo-dsamma'],
      [4, 'company', null],
      [5, 'ship', null],
    ]);
    expect(copies[0].label).toBe(`${plan.reference}/R1/C1`);
    const ack = (cookie: string, copy: Copy, body: object = {}) => api(t.app, cookie, 'POST', `/sar-plans/plans/${id}/copies/${copy.id}/acknowledge`, body);
    const ackWithdrawn = (cookie: string, copy: Copy) => api(t.app, cookie, 'POST', `/sar-plans/plans/${id}/copies/${copy.id}/acknowledge-withdrawal`, {});
    // Hong Kong acknowledges its copy, not Macao's; the owner records the ship's, naming who received it on board.
    expect((await ack(agencies.hk, copies[2])).statusCode).toBe(403);
    expect((await ack(agencies.hk, copies[4])).statusCode).toBe(403);
    expect((await ack(agencies.hk, copies[1])).statusCode).toBe(200);
    expect((await ack(agencies.hk, copies[1])).statusCode).toBe(409);
    const onBoard = await ack(agencies.gd, copies[4], { receivedBy: 'Master of the ship' });
    expect(onBoard.json().copies[4]).toMatchObject({ state: 'held', acknowledgedBy: expect.stringContaining('Master of the ship') });
    // Nothing is withdrawn while the copy is current.
    expect((await ackWithdrawn(agencies.hk, copies[1])).statusCode).toBe(409);

    const revised = await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${id}/issue`);
    expect(revised.statusCode, revised.body).toBe(200);
    plan = revised.json();
    expect(plan.revision).toBe(2);
    const old = plan.copies.filter((c: Copy) => c.revision === 1);
    expect(old.map((c: Copy) => c.state)).toEqual(['awaiting_withdrawal', 'awaiting_withdrawal', 'awaiting_withdrawal', 'awaiting_withdrawal', 'awaiting_withdrawal']);
    expect(plan.copies.filter((c: Copy) => c.revision === 2).map((c: Copy) => c.state)).toEqual(Array(5).fill('awaiting_receipt'));
    // A superseded copy is no longer received; it is acknowledged withdrawn, once.
    expect((await ack(agencies.mo, old[2])).statusCode).toBe(409);
    expect((await ackWithdrawn(agencies.mo, old[2])).statusCode).toBe(200);
    expect((await ackWithdrawn(agencies.mo, old[2])).statusCode).toBe(409);
    const entries = await t.ctx.db.select().from(auditLog).where(inArray(auditLog.entityId, [copies[1].id, old[2].id]));
    expect(entries.map((e) => e.action).sort()).toEqual(['sar_copy.acknowledged', 'sar_copy.withdrawal_acknowledged']);
  });

  it('is recognised by each of the other two agencies only, with who and when, once per revision, and only when issued and valid', async () => {
    const draft = await buildPlan(t.app, agencies.mo, 'MO', { issue: false });
    expect((await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${draft}/recognise`, {})).statusCode).toBe(409);
    await api(t.app, agencies.mo, 'POST', `/sar-plans/plans/${draft}/issue`);
    // The owner does not recognise its own plan; a reader of an agency reads but does not act.
    expect((await api(t.app, agencies.mo, 'POST', `/sar-plans/plans/${draft}/recognise`, {})).statusCode).toBe(403);
    expect((await api(t.app, hkReader, 'POST', `/sar-plans/plans/${draft}/recognise`, {})).statusCode).toBe(403);
    expect((await api(t.app, fhb, 'POST', `/sar-plans/plans/${draft}/recognise`, {})).statusCode).toBe(404);
    const byHk = await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${draft}/recognise`, { comment: '認可' });
    expect(byHk.statusCode, byHk.body).toBe(200);
    expect(byHk.json()).toMatchObject({ recognisedBy: ['hk-mrcc'], awaitingRecognitionFrom: ['gd-msar'] });
    expect(byHk.json().recognitions[0]).toMatchObject({ agency: { code: 'hk-mrcc' }, revision: 1, recognisedBy: expect.stringContaining('Test'), recognisedAt: expect.any(String) });
    expect((await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${draft}/recognise`, {})).statusCode).toBe(409);
    const byGd = await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${draft}/recognise`, {});
    expect(byGd.json()).toMatchObject({ recognisedBy: ['hk-mrcc', 'gd-msar'], awaitingRecognitionFrom: [] });
    expect((await t.ctx.db.select().from(sarPlanRecognitions).where(eq(sarPlanRecognitions.planId, draft))).length).toBe(2);
    // A new revision asks for recognition again.
    const revised = await api(t.app, agencies.mo, 'POST', `/sar-plans/plans/${draft}/issue`);
    expect(revised.json()).toMatchObject({ revision: 2, recognisedBy: [], awaitingRecognitionFrom: ['gd-msar', 'hk-mrcc'] });
    // Withdrawn: nothing more is recognised, issued or withdrawn.
    expect((await api(t.app, agencies.mo, 'POST', `/sar-plans/plans/${draft}/withdraw`, { reason: 'The ship left the service' })).json()).toMatchObject({ status: 'withdrawn' });
    for (const [cookie, path, body] of [[agencies.hk, 'recognise', {}], [agencies.mo, 'issue', undefined], [agencies.mo, 'withdraw', { reason: 'again' }]] as const) {
      expect((await api(t.app, cookie, 'POST', `/sar-plans/plans/${draft}/${path}`, body)).statusCode).toBe(409);
    }
    expect((await api(t.app, agencies.mo, 'PATCH', `/sar-plans/plans/${draft}`, { notes: 'late' })).statusCode).toBe(409);
  });

  it('flags exactly the plans carrying a superseded Module 3, tells their owners, shows what changed, and is valid again once reissued', async () => {
    const [gdOfficer] = await t.ctx.db.select().from(users).where(eq(users.username, (await api(t.app, agencies.gd, 'GET', '/me')).json().username));
    await t.ctx.db.update(users).set({ email: 'duty@gdmsar.example' }).where(eq(users.id, gdOfficer.id));
    const gdPlan = await buildPlan(t.app, agencies.gd, 'GD');
    const hkPlan = await buildPlan(t.app, agencies.hk, 'HK');
    // Macao revises its module: every plan so far carries version 1 of it.
    const v2 = await api(t.app, agencies.mo, 'POST', '/sar-plans/rcc-modules', rccModuleInput('Macao Maritime Rescue', { telephone: '+853 2800 0000', changeNote: 'New telephone' }));
    expect(v2.statusCode, v2.body).toBe(201);
    const flagged = (await get(agencies.hk, gdPlan)) as { valid: boolean; outdatedAgencies: string[]; modules: { agency: { code: string }; current: boolean; version: number; currentVersion: number; changes: { field: string; from: unknown; to: unknown }[] }[] };
    expect(flagged).toMatchObject({ valid: false, outdatedAgencies: ['mo-dsamma'] });
    expect(flagged.modules.find((m) => m.agency.code === 'mo-dsamma')).toMatchObject({ version: 1, currentVersion: 2, current: false, changes: [{ field: 'telephone', from: '+852 2233 7999', to: '+853 2800 0000' }] });
    expect(flagged.modules.filter((m) => m.current).map((m) => m.agency.code)).toEqual(['gd-msar', 'hk-mrcc']);
    const mail = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'duty@gdmsar.example'));
    // One e-mail to the Guangdong agency, naming its plans that carry the superseded version.
    const told = mail.filter((m) => m.subject.includes('superseded Module 3'));
    expect(told).toHaveLength(1);
    expect(told[0].subject).toContain((await get(agencies.gd, gdPlan)).reference);
    const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, v2.json().id));
    expect((audited[0].data as { plansFlagged: string[] }).plansFlagged).toEqual(expect.arrayContaining([(await get(agencies.gd, gdPlan)).reference, (await get(agencies.hk, hkPlan)).reference]));
    // An outdated plan is not recognised until reissued; the reissue carries version 2 and is valid.
    expect((await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${gdPlan}/recognise`, {})).statusCode).toBe(409);
    const reissued = await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${gdPlan}/issue`);
    expect(reissued.json()).toMatchObject({ valid: true, outdatedAgencies: [] });
    // Version 3 flags the plans carrying version 2 (the reissued one), and not those still on version 1, which were flagged already.
    const v3 = await api(t.app, agencies.mo, 'POST', '/sar-plans/rcc-modules', rccModuleInput('Macao Maritime Rescue', { telephone: '+853 2800 0001' }));
    const third = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, v3.json().id));
    expect((third[0].data as { plansFlagged: string[] }).plansFlagged).toEqual([(await get(agencies.gd, gdPlan)).reference]);
    // Only an agency issues its own module.
    expect((await api(t.app, fhb, 'POST', '/sar-plans/rcc-modules', rccModuleInput('x'))).statusCode).toBe(404);
    expect((await api(t.app, hkReader, 'POST', '/sar-plans/rcc-modules', rccModuleInput('x'))).statusCode).toBe(403);
  });

  it('records exercises of an issued plan and flags a plan with none within 12 months', async () => {
    const id = await buildPlan(t.app, agencies.hk, 'HK');
    const draft = await buildPlan(t.app, agencies.hk, 'HK', { issue: false });
    const exercise = { kind: 'communications', heldOn: '2026-11-20', participants: ['MRCC Hong Kong', 'Guangdong MRCC', 'the ship'], findings: 'VHF contact established in two minutes.', followUpActions: [{ action: 'Update the ship’s contact list', owner: 'Company', dueOn: '2026-12-31' }] };
    expect((await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${draft}/exercises`, exercise)).statusCode).toBe(409);
    expect((await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${id}/exercises`, exercise)).statusCode).toBe(403);
    const future = await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${id}/exercises`, { ...exercise, heldOn: '2027-01-01' }, { 'accept-language': 'en' });
    expect(future.json().error.fields[0]).toMatchObject({ field: 'heldOn', code: 'in_future', message: 'Date held cannot be later than today.' });
    const recorded = await api(t.app, agencies.hk, 'POST', `/sar-plans/plans/${id}/exercises`, exercise);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ exerciseDueOn: '2027-11-20', exerciseOverdue: false, exercises: [{ kind: 'communications', followUpActions: [{ owner: 'Company' }] }] });
    const board = (await api(t.app, agencies.hk, 'GET', '/sar-plans/dashboard')).json();
    expect(board.exercisesOverdue.map((i: { planId: string }) => i.planId)).not.toContain(id);
    t.clock.advance(400 * 86_400_000);
    // Sessions do not last 400 days: everyone logs in again.
    agencies = await agencyOfficers(t.app, t.ctx);
    hkReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['reader'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    expect((await get(agencies.hk, id)).exerciseOverdue).toBe(true);
    const later = (await api(t.app, agencies.hk, 'GET', '/sar-plans/dashboard')).json();
    expect(later.exercisesOverdue.map((i: { planId: string }) => i.planId)).toContain(id);
  });

  it('shows each agency what needs it, and reminds it by e-mail at most weekly', async () => {
    const id = await buildPlan(t.app, agencies.gd, 'GD');
    const gd = (await api(t.app, agencies.gd, 'GET', '/sar-plans/dashboard')).json();
    expect(gd.agency.code).toBe('gd-msar');
    expect(gd.plansNotRecognised.find((i: { planId: string }) => i.planId === id)).toMatchObject({ awaiting: ['hk-mrcc', 'mo-dsamma'] });
    expect(gd.copiesUnacknowledged.filter((i: { planId: string }) => i.planId === id).map((i: { label: string }) => i.label.slice(-2))).toEqual(['C1', 'C4', 'C5']);
    const hk = (await api(t.app, agencies.hk, 'GET', '/sar-plans/dashboard')).json();
    expect(hk.awaitingMyRecognition.map((i: { planId: string }) => i.planId)).toContain(id);
    expect(hk.copiesUnacknowledged.filter((i: { planId: string }) => i.planId === id).map((i: { label: string }) => i.label.slice(-2))).toEqual(['C2']);
    const reminded = await api(t.app, agencies.hk, 'POST', '/sar-plans/reminders');
    expect(reminded.json().reminded).toBe(3);
    // The subject says how many items wait, in the reader's language: never the API's own words.
    const subjects = (await t.ctx.db.select({ subject: mailOutbox.subject }).from(mailOutbox)).map((m) => m.subject).filter((subject) => subject.includes('SAR') || subject.includes('搜救'));
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) expect(subject).not.toMatch(/plansDue|copiesUnacknowledged|plansNotRecognised|awaitingMyRecognition|exercisesOverdue/);
    expect((await api(t.app, agencies.hk, 'POST', '/sar-plans/reminders')).json().reminded).toBe(0);
    expect((await api(t.app, fhb, 'GET', '/sar-plans/dashboard')).statusCode).toBe(404);
  });

  it('lets the three agencies read every plan and the owner alone change it; to any other unit it is not found', async () => {
    const id = await buildPlan(t.app, agencies.hk, 'HK');
    for (const reader of [agencies.gd, agencies.mo, hkReader]) expect((await api(t.app, reader, 'GET', `/sar-plans/plans/${id}`)).statusCode).toBe(200);
    expect((await get(agencies.gd, id)).may).toMatchObject({ edit: false, issue: false, recognise: true });
    expect((await get(agencies.hk, id)).may).toMatchObject({ edit: true, issue: true, recognise: false });
    for (const other of [agencies.gd, agencies.mo, hkReader]) {
      expect((await api(t.app, other, 'PATCH', `/sar-plans/plans/${id}`, { notes: 'not mine' })).statusCode).toBe(403);
      expect((await api(t.app, other, 'POST', `/sar-plans/plans/${id}/issue`)).statusCode).toBe(403);
      expect((await api(t.app, other, 'POST', `/sar-plans/plans/${id}/withdraw`, { reason: 'not mine' })).statusCode).toBe(403);
    }
    for (const outsider of [fhb, admin]) {
      for (const url of [`/sar-plans/plans/${id}`, '/sar-plans/plans', `/sar-plans/plans/${id}/html`, `/sar-plans/plans/${id}/pdf`, '/sar-plans/rcc-modules']) {
        expect((await api(t.app, outsider, 'GET', url)).statusCode, url).toBe(404);
      }
      expect((await api(t.app, outsider, 'POST', `/sar-plans/plans/${id}/issue`)).statusCode).toBe(404);
    }
    const missing = await api(t.app, agencies.hk, 'POST', '/sar-plans/plans', { shipId: 'not-a-uuid' }, { 'accept-language': 'zh-HK' });
    expect(missing.json().error.fields[0]).toMatchObject({ field: 'shipId', message: expect.stringContaining('船舶') });
  });

  it('sends what one agency tells another through the exchange, and on one node their arrival changes nothing', async () => {
    const id = await buildPlan(t.app, agencies.hk, 'HK');
    await api(t.app, agencies.gd, 'POST', `/sar-plans/plans/${id}/recognise`, {});
    const messages = await t.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.subjectId, id));
    expect(messages.map((m) => `${m.kind} ${m.fromUnitCode}→${m.toUnitCode}`).sort()).toEqual([
      'sar.plan_issued hk-mrcc→gd-msar',
      'sar.plan_issued hk-mrcc→mo-dsamma',
      'sar.plan_recognised gd-msar→hk-mrcc',
      'sar.plan_recognised gd-msar→mo-dsamma',
    ]);
    const before = { copies: (await t.ctx.db.select().from(sarPlanCopies).where(eq(sarPlanCopies.planId, id))).length, plan: (await t.ctx.db.select().from(sarPlans).where(eq(sarPlans.id, id)))[0], audit: (await t.ctx.db.select().from(auditLog)).length };
    for (let round = 0; round < 5; round++) await dispatchOnce(t.ctx);
    const delivered = await t.ctx.db.select().from(exchangeMessages).where(eq(exchangeMessages.subjectId, id));
    expect(delivered.every((m) => m.deliveredAt !== null)).toBe(true);
    expect((await t.ctx.db.select().from(sarPlanCopies).where(eq(sarPlanCopies.planId, id))).length).toBe(before.copies);
    expect((await t.ctx.db.select().from(sarPlans).where(eq(sarPlans.id, id)))[0]).toEqual(before.plan);
    expect((await t.ctx.db.select().from(sarPlanRecognitions).where(eq(sarPlanRecognitions.planId, id))).length).toBe(1);
  });
});
