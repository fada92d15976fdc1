import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { referenceLoads, unitDutyContacts } from '../db/schema.ts';
import { loadReferenceData } from '../reference/load-reference.ts';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';

describe.each(engines)('directory on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ engine });
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  it('lists the four parties, Guangzhou under Guangdong, and every liaison unit named in the agreements', async () => {
    const parties = (await t.app.inject({ url: '/api/v1/parties', headers: { cookie: admin } })).json();
    expect(parties.map((p: { code: string }) => p.code).sort()).toEqual(['GD', 'GZ', 'HK', 'MO']);
    expect(parties.find((p: { code: string }) => p.code === 'GZ').parentCode).toBe('GD');
    const units = (await t.app.inject({ url: '/api/v1/units', headers: { cookie: admin } })).json();
    const codes = units.map((u: { code: string }) => u.code);
    for (const code of ['gd-fsco', 'hk-fhb', 'gd-edu', 'hk-edb', 'hk-customs', 'gd-customs', 'gd-police', 'gd-copyright', 'gd-saic', 'hk-ipd', 'gd-ipo', 'gd-msar', 'hk-mrcc', 'mo-dsamma', 'gz-commerce', 'gz-ecommerce', 'hk-cedb', 'hk-ogcio']) {
      expect(codes).toContain(code);
    }
    const fhb = units.find((u: { code: string }) => u.code === 'hk-fhb');
    expect(fhb.name).toEqual({ 'zh-Hant': '食物及衞生局', 'zh-Hans': '食物及卫生局', en: 'Food and Health Bureau' });
  });

  it("shows a unit's agreements and its partners on the other side", async () => {
    const fhb = (await t.app.inject({ url: `/api/v1/units/${await unitId(t.ctx, 'hk-fhb')}`, headers: { cookie: admin } })).json();
    expect(fhb.agreements.map((a: { code: string }) => a.code)).toEqual(['food-safety']);
    expect(fhb.partners.map((p: { code: string }) => p.code)).toEqual(['gd-fsco']);
    const ogcio = (await t.app.inject({ url: `/api/v1/units/${await unitId(t.ctx, 'hk-ogcio')}`, headers: { cookie: admin } })).json();
    expect(ogcio.partners.map((p: { code: string }) => p.code)).toContain('gz-ecommerce');
  });

  it('gives each unit the agreements designate a duty contact for that agreement, marked as sample data', async () => {
    for (const [unit, agreement, clause] of [['hk-fhb', 'food-safety', '8'], ['gd-fsco', 'food-safety', '8'], ['gd-edu', 'sister-schools', '5'], ['hk-edb', 'sister-schools', '5'], ['gz-ecommerce', 'cross-border-ecommerce', '4.2'], ['hk-ogcio', 'cross-border-ecommerce', '4.2']]) {
      const detail = (await t.app.inject({ url: `/api/v1/units/${await unitId(t.ctx, unit)}`, headers: { cookie: admin } })).json();
      expect(detail.dutyContacts, unit).toEqual([expect.objectContaining({ agreementCode: agreement, clauseKey: clause, sample: true })]);
      // Designated by that agreement, as the contact says.
      expect(detail.agreements.map((a: { code: string }) => a.code)).toContain(agreement);
      expect(detail.dutyContacts[0].phone).toMatch(/ 0000 /);
    }
  });

  it('drops a duty contact the data file no longer has when the reference data is loaded again', async () => {
    const edb = await unitId(t.ctx, 'hk-edb');
    // As loaded from an earlier file: a contact under an agreement the file no longer gives the unit.
    await t.ctx.db.insert(unitDutyContacts).values({ unitId: edb, agreementCode: 'food-safety', clauseKey: '8', post: { en: 'Old post', 'zh-Hant': '舊職位', 'zh-Hans': '旧职位' }, name: { en: 'Old', 'zh-Hant': '舊', 'zh-Hans': '旧' }, phone: '+852 0000 0001', sample: true });
    await t.ctx.db.update(referenceLoads).set({ hash: 'an earlier file' }).where(eq(referenceLoads.name, 'reference'));
    expect((await loadReferenceData(t.ctx)).changed).toBe(true);
    const detail = (await t.app.inject({ url: `/api/v1/units/${edb}`, headers: { cookie: admin } })).json();
    expect(detail.dutyContacts.map((c: { agreementCode: string }) => c.agreementCode)).toEqual(['sister-schools']);
  });

  it('hands over the liaison officer post and keeps who held it when', async () => {
    const unit = await unitId(t.ctx, 'hk-mrcc');
    const first = await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['officer'] });
    const second = await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['officer'] });
    const unitAdmin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['unit_admin'] })).username);
    const assign = (userId: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts`, headers: { cookie: unitAdmin }, payload: { userId, post: 'liaison_officer', agreementCode: 'sar-plans' } });
    expect((await assign(first.id)).statusCode).toBe(201);
    t.clock.advance(5 * 60_000);
    expect((await assign(second.id)).statusCode).toBe(201);

    const current = (await t.app.inject({ url: `/api/v1/units/${unit}/posts`, headers: { cookie: admin } })).json();
    expect(current.map((p: { holder: { id: string } }) => p.holder.id)).toEqual([second.id]);
    const history = (await t.app.inject({ url: `/api/v1/units/${unit}/posts?history=true`, headers: { cookie: admin } })).json();
    expect(history).toHaveLength(2);
    const ended = history.find((p: { holder: { id: string } }) => p.holder.id === first.id);
    expect(ended.endedAt).toBe(history.find((p: { holder: { id: string } }) => p.holder.id === second.id).startedAt);

    const detail = (await t.app.inject({ url: `/api/v1/units/${unit}`, headers: { cookie: admin } })).json();
    expect(detail.posts.map((p: { post: string }) => p.post)).toEqual(['liaison_officer']);
  });

  it('refuses a post for an officer of another unit or for an agreement that does not designate the unit', async () => {
    const unit = await unitId(t.ctx, 'hk-mrcc');
    const outsider = await buildUser(t.ctx, { unit: 'gd-msar', roles: ['officer'] });
    const insider = await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['officer'] });
    const wrongUnit = await t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts`, headers: { cookie: admin }, payload: { userId: outsider.id, post: 'deputy' } });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.fields[0].field).toBe('userId');
    const wrongAgreement = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${unit}/posts`,
      headers: { cookie: admin },
      payload: { userId: insider.id, post: 'deputy', agreementCode: 'food-safety' },
    });
    expect(wrongAgreement.statusCode).toBe(400);
    expect(wrongAgreement.json().error.fields[0].field).toBe('agreementCode');
  });

  it("lets only the unit's own administrator or the platform administrator assign posts", async () => {
    const unit = await unitId(t.ctx, 'gd-msar');
    const officer = await buildUser(t.ctx, { unit: 'gd-msar', roles: ['officer'] });
    const otherAdmin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-mrcc', roles: ['unit_admin'] })).username);
    const self = await logInAs(t.app, officer.username);
    for (const cookie of [otherAdmin, self]) {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts`, headers: { cookie }, payload: { userId: officer.id, post: 'duty_officer' } });
      expect(r.statusCode).toBe(403);
    }
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts`, headers: { cookie: admin }, payload: { userId: officer.id, post: 'duty_officer' } });
    expect(ok.statusCode).toBe(201);
    const end = await t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts/${ok.json().id}/end`, headers: { cookie: otherAdmin } });
    expect(end.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/units/${unit}/posts/${ok.json().id}/end`, headers: { cookie: admin } })).statusCode).toBe(204);
  });
});
