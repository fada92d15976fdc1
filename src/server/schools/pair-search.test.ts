import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, buildCoordinator, buildSchool } from '../../../test/support/schools.ts';

/** The search box as the sister schools' coordinators and authorities meet it. */
describe.each(engines)('a sister-school pair’s records in search on %s', (engine) => {
  let t: TestApp;
  let edb: string;
  let edbApprover: string;
  let gdEdu: string;
  let gdApprover: string;
  let fhb: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    edb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    edbApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    gdEdu = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    gdApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-edu', roles: ['approver'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  async function activePair(hk: { id: string; cookie: string }, gd: { id: string; cookie: string }, word: string) {
    const pair = (await api(t.app, hk.cookie, 'POST', '/sister-pairs', { hkSchoolId: hk.id, gdSchoolId: gd.id })).json();
    await api(t.app, gd.cookie, 'POST', `/sister-pairs/${pair.id}/consent`, {});
    await api(t.app, gdApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {});
    expect((await api(t.app, edbApprover, 'POST', `/sister-pairs/${pair.id}/endorse`, {})).json().status).toBe('active');
    const activity = await api(t.app, gd.cookie, 'POST', `/sister-pairs/${pair.id}/activities`, { kind: 'student_exchange', heldOn: '2026-11-20', participants: [{ group: 'students', side: 'GD', count: 20 }], description: `两校学生${word}交流` });
    const material = await api(t.app, hk.cookie, 'POST', `/sister-pairs/${pair.id}/materials`, { title: `${word}校本教材`, description: '四年級常識單元', licence: 'pair-only' });
    return { activityId: activity.json().activities[0].id as string, materialId: material.json().materials[0].id as string };
  }

  const school = async (authority: string, side: 'HK' | 'GD') => {
    const id = await buildSchool(t.app, authority, side);
    return { id, cookie: (await buildCoordinator(t.app, authority, id)).cookie };
  };
  /** What a search for the word finds of the pairs' activities and materials. */
  const found = async (cookie: string, q: string) => {
    const answer = await api(t.app, cookie, 'GET', `/search?q=${encodeURIComponent(q)}&kind=pair_activity,shared_material`);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json().results.map((r: { id: string }) => r.id).sort();
  };

  it('finds a pair’s activities and materials for the coordinators of its two schools and the authorities, never for another pair’s', async () => {
    // One Hong Kong school with two Guangdong sisters, and a school with no pair.
    const [hk, gdA, gdB, alone] = [await school(edb, 'HK'), await school(gdEdu, 'GD'), await school(gdEdu, 'GD'), await school(edb, 'HK')];
    const a = await activePair(hk, gdA, '龍舟');
    const b = await activePair(hk, gdB, '龍舟');
    const ofA = [a.activityId, a.materialId].sort();
    const ofB = [b.activityId, b.materialId].sort();
    // Written in Traditional and Simplified, found from either script.
    expect(await found(gdA.cookie, '龙舟')).toEqual(ofA);
    expect(await found(gdB.cookie, '龍舟')).toEqual(ofB);
    expect(await found(hk.cookie, '龙舟')).toEqual([...ofA, ...ofB].sort());
    for (const authority of [edb, gdEdu]) expect(await found(authority, '龍舟')).toEqual([...ofA, ...ofB].sort());
    for (const outsider of [alone.cookie, fhb]) expect(await found(outsider, '龍舟')).toEqual([]);
  });

  it('gives the records indexed before coordinators could find them their audiences when migrated (0019)', async () => {
    const [hk, gd] = [await school(edb, 'HK'), await school(gdEdu, 'GD')];
    const pair = await activePair(hk, gd, '醒獅');
    await t.ctx.db.execute(sql`update search_documents set audiences = '{}' where kind in ('sister_pair', 'pair_activity', 'shared_material')`);
    expect(await found(gd.cookie, '醒狮')).toEqual([]);
    const migration = fs.readFileSync(new URL('../../../migrations/0019_search_audiences_of_pairs.sql', import.meta.url), 'utf8');
    for (const statement of migration.split('--> statement-breakpoint')) await t.ctx.db.execute(sql.raw(statement));
    expect(await found(gd.cookie, '醒狮')).toEqual([pair.activityId, pair.materialId].sort());
    expect(await found(hk.cookie, '醒狮')).toEqual([pair.activityId, pair.materialId].sort());
  });
});
