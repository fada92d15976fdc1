import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, mailOutbox, users } from '../db/schema.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, buildCoordinator, buildSchool } from '../../../test/support/schools.ts';

describe.each(engines)('sister-school pairing on %s', (engine) => {
  let t: TestApp;
  let edb: string;
  let edbApprover: string;
  let gdEdu: string;
  let gdApprover: string;
  let fhb: string;
  let edbOfficerName: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edbOfficerName = (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer', 'approver'] })).username;
    edb = await logInAs(t.app, edbOfficerName);
    edbApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    gdEdu = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    const gdApproverUser = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['approver'] });
    await t.ctx.db.update(users).set({ email: 'approver@gdedu.example' }).where(eq(users.id, gdApproverUser.id));
    gdApprover = await logInAs(t.app, gdApproverUser.username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
  });
  afterAll(() => t?.close());

  /** Two schools, one per side, each with a coordinator. */
  async function twoSchools() {
    const hk = await buildSchool(t.app, edb, 'HK');
    const gd = await buildSchool(t.app, gdEdu, 'GD');
    const hkC = await buildCoordinator(t.app, edb, hk);
    const gdC = await buildCoordinator(t.app, gdEdu, gd, { email: `gd-${gd.slice(0, 8)}@school.example` });
    return { hk, gd, hkC: hkC.cookie, gdC: gdC.cookie };
  }

  it('forms a pair only with both schools’ consent and both authorities’ endorsement, then it is active from that day', async () => {
    const { hk, gd, hkC, gdC } = await twoSchools();
    const proposed = await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd, message: '共同推動STEM教育' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const pair = proposed.json();
    expect(pair).toMatchObject({ status: 'proposed', origin: 'school', consent: { HK: expect.any(String), GD: null } });
    // The Guangdong school's coordinator is told through the seam, in their language.
    const mail = await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.to, `gd-${gd.slice(0, 8)}@school.example`));
    expect(mail.map((m) => m.subject)).toEqual([expect.stringContaining('Sister-school pair proposed')]);
    // No endorsement before both consents; the proposing school cannot consent for the other.
    expect((await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {})).statusCode).toBe(403);
    expect((await api(t.app, hkC, 'POST', `/sister-pairs/${pair.id}/consent`, {})).statusCode).toBe(403);
    // Nor may an authority consent on a school's behalf.
    expect((await api(t.app, gdEdu, 'POST', `/sister-pairs/${pair.id}/consent`, {})).statusCode).toBe(403);
    const consented = await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/consent`, { comment: '同意结为姊妹学校' });
    expect(consented.json()).toMatchObject({ status: 'consented', consent: { HK: expect.any(String), GD: expect.any(String) } });
    // An officer is no approver: endorsement takes an approver of the side's authority.
    expect((await api(t.app, gdEdu, 'POST', `/sister-pairs/${pair.id}/endorse`, {})).statusCode).toBe(403);
    const gdEndorsed = await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect(gdEndorsed.json()).toMatchObject({ status: 'consented', endorsement: { GD: expect.any(String), HK: null } });
    expect((await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {})).statusCode).toBe(403);
    const active = await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect(active.json()).toMatchObject({ status: 'active', startedOn: '2026-11-24' });
    expect(active.json().history.map((h: { kind: string; side: string }) => `${h.kind}:${h.side}`)).toEqual(['proposed:HK', 'consented:GD', 'endorsed:GD', 'endorsed:HK']);
    const audited = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, pair.id));
    expect(audited.map((a) => a.action)).toEqual(['sister_pair.proposed', 'sister_pair.consented', 'sister_pair.endorsed', 'sister_pair.endorsed']);
    // Both schools now see each other's contacts; the network counts the sister.
    expect((await api(t.app, hkC, 'GET', `/schools/${gd}`)).json()).toMatchObject({ sisters: 1, contact: { email: expect.any(String) } });
  });

  it('refuses a second standing pair of the same two schools, and a pair between a school and itself’s side', async () => {
    const { hk, gd, hkC, gdC } = await twoSchools();
    expect((await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).statusCode).toBe(201);
    const again = await api(t.app, gdC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd });
    expect(again.statusCode).toBe(409);
    const sameSide = await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: await buildSchool(t.app, edb, 'HK') });
    expect(sameSide.json().error.fields[0]).toMatchObject({ field: 'gdSchoolId', code: 'invalid_value' });
  });

  it('declined, a proposal ends with the reason and the two schools may try again later', async () => {
    const { hk, gd, hkC, gdC } = await twoSchools();
    const pair = (await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).json();
    expect((await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/decline`, {})).statusCode).toBe(400);
    const declined = await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/decline`, { reason: '本学年已有交流安排' });
    expect(declined.json()).toMatchObject({ status: 'declined', statusReason: '本学年已有交流安排' });
    // The platform administrator, no party to the exchange, sees only an outline in the audit trail.
    const admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    const entries = (await api(t.app, admin, 'GET', `/audit?entityType=sister_pair&entityId=${pair.id}`)).json();
    expect(entries.map((e: { action: string }) => e.action)).toContain('sister_pair.declined');
    expect(JSON.stringify(entries)).not.toContain('本学年已有交流安排');
    expect((await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/consent`, {})).statusCode).toBe(409);
    expect((await api(t.app, gdC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).statusCode).toBe(201);
  });

  it('four eyes: the approver who prepared an authority’s match may not endorse it; the schools must still consent', async () => {
    const hk = await buildSchool(t.app, edb, 'HK');
    const gd = await buildSchool(t.app, gdEdu, 'GD');
    const hkC = (await buildCoordinator(t.app, edb, hk)).cookie;
    const gdC = (await buildCoordinator(t.app, gdEdu, gd)).cookie;
    const match = (await api(t.app, edb, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd, message: '按雙方意向配對' })).json();
    expect(match).toMatchObject({ origin: 'authority', status: 'proposed', consent: { HK: null, GD: null } });
    await api(t.app, hkC, 'POST', `/sister-pairs/${match.id}/consent`, {});
    await api(t.app, gdC, 'POST', `/sister-pairs/${match.id}/consent`, {});
    expect((await api(t.app, edb, 'POST', `/sister-pairs/${match.id}/endorse`, {})).statusCode).toBe(403);
    expect((await api(t.app, edbApprover, 'POST', `/sister-pairs/${match.id}/endorse`, {})).json().endorsement.HK).not.toBeNull();
  });

  it('keeps each pair to its two schools and the two authorities, for every endpoint', async () => {
    const { hk, gd, hkC, gdC } = await twoSchools();
    const pair = (await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).json();
    await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/consent`, {});
    await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    const strangerSchool = await buildSchool(t.app, edb, 'HK');
    const stranger = (await buildCoordinator(t.app, edb, strangerSchool)).cookie;
    // Another school's coordinator cannot read it, act on it, nor propose for another school.
    expect((await api(t.app, stranger, 'GET', `/sister-pairs/${pair.id}`)).statusCode).toBe(404);
    for (const step of ['consent', 'endorse', 'activities', 'materials']) expect((await api(t.app, stranger, 'POST', `/sister-pairs/${pair.id}/${step}`, {})).statusCode).toBeGreaterThanOrEqual(400);
    expect((await api(t.app, stranger, 'POST', `/sister-pairs/${pair.id}/dormant`, { reason: 'x' })).statusCode).toBe(404);
    expect((await api(t.app, stranger, 'POST', `/sister-pairs/${pair.id}/documents/2026-27/plan`, { body: 'x' })).statusCode).toBe(404);
    expect((await api(t.app, stranger, 'GET', '/sister-pairs')).json().map((p: { id: string }) => p.id)).not.toContain(pair.id);
    expect((await api(t.app, stranger, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: await buildSchool(t.app, gdEdu, 'GD') })).statusCode).toBe(403);
    expect((await api(t.app, stranger, 'GET', `/schools/${gd}/matches`)).statusCode).toBe(403);
    expect((await api(t.app, stranger, 'GET', `/schools/${hk}/grant?year=2026/27`)).statusCode).toBe(403);
    // Units outside the scheme see nothing.
    expect((await api(t.app, fhb, 'GET', `/sister-pairs/${pair.id}`)).statusCode).toBe(403);
    expect((await api(t.app, fhb, 'GET', '/sister-pairs')).statusCode).toBe(403);
    // Both authorities and both schools see it.
    for (const cookie of [hkC, gdC, edb, gdEdu]) expect((await api(t.app, cookie, 'GET', '/sister-pairs')).json().map((p: { id: string }) => p.id)).toContain(pair.id);
  });

  it('lets the pair go dormant and end with a reason, keeping its history; ended, it is no longer a standing pair', async () => {
    const { hk, gd, hkC, gdC } = await twoSchools();
    const pair = (await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).json();
    await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/consent`, {});
    await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect((await api(t.app, gdC, 'POST', `/sister-pairs/${pair.id}/dormant`, { reason: '校舍維修，暫停互訪' })).json()).toMatchObject({ status: 'dormant', statusReason: '校舍維修，暫停互訪' });
    expect((await api(t.app, hkC, 'POST', `/sister-pairs/${pair.id}/reactivate`, {})).json().status).toBe('active');
    const ended = (await api(t.app, edb, 'POST', `/sister-pairs/${pair.id}/end`, { reason: '學校合併' })).json();
    expect(ended).toMatchObject({ status: 'ended', endedOn: '2026-11-24', statusReason: '學校合併' });
    expect(ended.history.map((h: { kind: string }) => h.kind)).toEqual(['proposed', 'consented', 'endorsed', 'endorsed', 'dormant', 'reactivated', 'ended']);
    expect((await api(t.app, hkC, 'POST', `/sister-pairs/${pair.id}/reactivate`, {})).statusCode).toBe(409);
    expect((await api(t.app, hkC, 'POST', '/sister-pairs', { hkSchoolId: hk, gdSchoolId: gd })).statusCode).toBe(201);
  });

  it('suggests matches ranked from both schools’ preferences, with the reasons shown', async () => {
    const hk = await buildSchool(t.app, edb, 'HK', { level: 'secondary', preferences: { levels: ['secondary'], sectors: ['public'], districts: ['佛山'], themes: ['music'] } });
    const best = await buildSchool(t.app, gdEdu, 'GD', { level: 'secondary', sector: 'public', district: '佛山市禅城区', features: ['music'], preferences: { levels: ['secondary'], sectors: [], districts: [], themes: [] } });
    const fair = await buildSchool(t.app, gdEdu, 'GD', { level: 'secondary', sector: 'minban', district: '东莞市', features: [] });
    const poor = await buildSchool(t.app, gdEdu, 'GD', { level: 'primary', sector: 'minban', district: '东莞市', features: [], preferences: { levels: ['primary'], sectors: [], districts: [], themes: [] } });
    const matches = (await api(t.app, edb, 'GET', `/schools/${hk}/matches?limit=50`)).json();
    const ids = matches.map((m: { school: { id: string } }) => m.school.id);
    expect(ids.indexOf(best)).toBe(0);
    expect(ids.indexOf(best)).toBeLessThan(ids.indexOf(fair));
    expect(matches[0].reasons).toEqual(expect.arrayContaining(['level', 'sector', 'district', 'theme:music', 'mutual']));
    expect(ids.indexOf(poor) === -1 || ids.indexOf(poor) > ids.indexOf(fair)).toBe(true);
    // The other side's unpaired schools come without their contacts.
    expect(matches[0].school.contact).toBeNull();
  });
});
