import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { api, instrumentContent } from '../../../test/support/ip.ts';

describe.each(engines)('the public IP law database on %s', (engine) => {
  let t: TestApp;
  let hkOfficer: string;
  let hkOfficer2: string;
  let hkApprover: string;
  let gdOfficer: string;
  let gdApprover: string;
  let fhb: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    hkOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-ipd', roles: ['officer'] })).username);
    hkOfficer2 = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer', 'approver'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-ipd', roles: ['approver'] })).username);
    gdOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-ipo', roles: ['officer'] })).username);
    gdApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-ipo', roles: ['approver'] })).username);
    fhb = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username);
  });
  afterAll(() => t?.close());

  it('serves the reference instruments, their versions, relations and authorities to anyone without logging in', async () => {
    const list = await api(t.app, null, 'GET', '/ip/instruments?jurisdiction=HK');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().instruments.map((i: { code: string }) => i.code)).toContain('hk-cap-528');
    const patentLaw = await api(t.app, null, 'GET', '/ip/instruments/cn-patent-law');
    expect(patentLaw.statusCode).toBe(200);
    const body = patentLaw.json();
    expect(body).toMatchObject({ enactedOn: '1984-03-12', inForceOn: '1985-04-01', status: 'in_force', canPropose: false, place: 'mainland' });
    expect(body.title['zh-Hant']).toBe('中華人民共和國專利法');
    expect(body.versions.map((v: { adoptedOn: string }) => v.adoptedOn)).toEqual(['1984-03-12', '1992-09-04', '2000-08-25', '2008-12-27', '2020-10-17']);
    expect(body.relations).toEqual([expect.objectContaining({ kind: 'implements', direction: 'incoming', other: expect.objectContaining({ code: 'cn-patent-law-implementing-rules' }) })]);
    expect(body.updates.map((u: { on: string }) => u.on)).toEqual(['2021-06-01']);
    const authorities = await api(t.app, null, 'GET', '/ip/authorities?jurisdiction=HK');
    expect(authorities.json().map((a: { code: string }) => a.code)).toEqual(['hk-ipd', 'hk-customs']);
    expect(authorities.json()[1]).toMatchObject({ phone: '+852 2545 6182', canEdit: false });
  });

  it('shows the three places’ copyright laws side by side', async () => {
    const compare = (await api(t.app, null, 'GET', '/ip/compare?subject=copyright')).json();
    const codes = Object.fromEntries(compare.places.map((p: { place: string; instruments: { code: string }[] }) => [p.place, p.instruments.map((i) => i.code)]));
    expect(codes.mainland).toContain('cn-copyright-law');
    expect(codes.HK).toContain('hk-cap-528');
    expect(codes.MO).toContain('mo-decree-law-43-99-m');
  });

  it('finds an instrument in either Chinese script: 專利 (Traditional) finds the Mainland’s 专利法, 版权 (Simplified) finds Hong Kong’s 版權條例', async () => {
    const traditional = (await api(t.app, null, 'GET', `/ip/instruments?q=${encodeURIComponent('專利法')}`)).json();
    expect(traditional.instruments.map((i: { code: string }) => i.code)).toContain('cn-patent-law');
    const simplified = (await api(t.app, null, 'GET', `/ip/instruments?q=${encodeURIComponent('版权条例')}`)).json();
    expect(simplified.instruments.map((i: { code: string }) => i.code)).toContain('hk-cap-528');
    expect(simplified.instruments.every((i: { jurisdiction: string }) => i.jurisdiction === 'HK')).toBe(true);
    // And the one search box finds it too, signed out.
    const search = (await api(t.app, null, 'GET', `/search?q=${encodeURIComponent('著作權法')}&kind=ip_instrument`)).json();
    expect(search.results.map((r: { url: string }) => r.url)).toContain('/ip/instruments/cn-copyright-law');
  });

  it('publishes a revision only after review by a different officer, and never shows the draft publicly', async () => {
    const content = instrumentContent();
    const drafted = await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content, update: { on: '2026-01-01', titleZh: '新規例生效', titleEn: 'New regulation in operation', summaryZh: null, summaryEn: null } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    const id = drafted.json().id;
    const isPublic = async () => {
      const one = await api(t.app, null, 'GET', `/ip/instruments/${content.code}`);
      const found = (await api(t.app, null, 'GET', `/ip/instruments?q=${encodeURIComponent(content.titleEn)}`)).json().instruments;
      const feed = (await api(t.app, null, 'GET', '/ip/updates.atom?lang=en')).body;
      const updates = (await api(t.app, null, 'GET', '/ip/updates')).json();
      return { page: one.statusCode, found: found.length, inFeed: feed.includes('New regulation in operation'), inUpdates: updates.some((u: { title: { en: string } }) => u.title.en === 'New regulation in operation') };
    };
    expect(await isPublic()).toEqual({ page: 404, found: 0, inFeed: false, inUpdates: false });

    // Submitted: still not public; the author cannot publish their own, nor a colleague who edited it.
    expect((await api(t.app, hkOfficer2, 'PATCH', `/ip/revisions/${id}`, { content: { ...content, summaryEn: 'Edited by a colleague.' } })).statusCode).toBe(200);
    expect((await api(t.app, hkOfficer, 'POST', `/ip/revisions/${id}/submit`)).statusCode).toBe(200);
    expect(await isPublic()).toEqual({ page: 404, found: 0, inFeed: false, inUpdates: false });
    expect((await api(t.app, hkOfficer, 'POST', `/ip/revisions/${id}/publish`)).statusCode).toBe(403);
    expect((await api(t.app, hkOfficer2, 'POST', `/ip/revisions/${id}/publish`)).statusCode).toBe(403);
    // An approver of the other side does not even see it.
    expect((await api(t.app, gdApprover, 'POST', `/ip/revisions/${id}/publish`)).statusCode).toBe(404);
    expect((await api(t.app, gdApprover, 'GET', `/ip/revisions/${id}`)).statusCode).toBe(404);

    const published = await api(t.app, hkApprover, 'POST', `/ip/revisions/${id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect(await isPublic()).toEqual({ page: 200, found: 1, inFeed: true, inUpdates: true });
    const page = (await api(t.app, null, 'GET', `/ip/instruments/${content.code}`)).json();
    expect(page.summary.en).toBe('Edited by a colleague.');
    expect(page.relations).toEqual([expect.objectContaining({ kind: 'implements', direction: 'outgoing', other: expect.objectContaining({ code: 'hk-cap-528' }) })]);

    // Publishing again is refused from the wrong state.
    expect((await api(t.app, hkApprover, 'POST', `/ip/revisions/${id}/publish`)).statusCode).toBe(409);
    const actions = (await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((e) => e.action);
    expect(actions).toEqual(['ip_revision.drafted', 'ip_revision.edited', 'ip_revision.submitted', 'ip_revision.published']);
  });

  it('returns a revision for changes, and refuses steps from the wrong state', async () => {
    const content = instrumentContent();
    const id = (await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content })).json().id;
    expect((await api(t.app, hkApprover, 'POST', `/ip/revisions/${id}/return`, { comment: '請補充來源。' })).statusCode).toBe(409);
    await api(t.app, hkOfficer, 'POST', `/ip/revisions/${id}/submit`);
    expect((await api(t.app, hkOfficer, 'PATCH', `/ip/revisions/${id}`, { content })).statusCode).toBe(409);
    const returned = await api(t.app, hkApprover, 'POST', `/ip/revisions/${id}/return`, { comment: '請補充來源。' });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: '請補充來源。' });
    expect((await api(t.app, hkOfficer, 'POST', `/ip/revisions/${id}/submit`)).json().status).toBe('submitted');
    // A second open revision of the same entry is refused.
    expect((await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content })).statusCode).toBe(409);
  });

  it('lets an IP unit edit only its own side’s jurisdictions', async () => {
    // Guangdong's IP office may not draft Hong Kong's entries, nor start from one, nor correct a Hong Kong authority.
    const refused = await api(t.app, gdOfficer, 'POST', '/ip/revisions', { content: instrumentContent() }, { 'accept-language': 'en' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'content.jurisdiction', code: 'not_your_jurisdiction' });
    expect((await api(t.app, gdOfficer, 'GET', '/ip/instruments/hk-cap-528/draft')).statusCode).toBe(403);
    expect((await api(t.app, gdOfficer, 'PATCH', '/ip/authorities/hk-customs', { phone: '+852 0000 0000' })).statusCode).toBe(403);
    // It may keep the national law and its own.
    const own = await api(t.app, gdOfficer, 'GET', '/ip/instruments/cn-trademark-law/draft');
    expect(own.statusCode).toBe(200);
    const drafted = await api(t.app, gdOfficer, 'POST', '/ip/revisions', { content: { ...own.json(), summaryEn: 'Revised summary.' } });
    expect(drafted.statusCode, drafted.body).toBe(201);
    // Hong Kong's IP units neither see that draft nor may move Hong Kong's entry to another jurisdiction.
    expect((await api(t.app, hkOfficer, 'GET', `/ip/revisions/${drafted.json().id}`)).statusCode).toBe(404);
    expect((await api(t.app, hkOfficer, 'GET', '/ip/revisions')).json().map((r: { id: string }) => r.id)).not.toContain(drafted.json().id);
    expect((await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content: (await api(t.app, gdOfficer, 'GET', '/ip/instruments/cn-copyright-law/draft')).json() })).statusCode).toBe(400);
    // A unit outside the IP agreement keeps nothing; the signed-out cannot draft.
    expect((await api(t.app, fhb, 'POST', '/ip/revisions', { content: instrumentContent() })).statusCode).toBe(403);
    expect((await api(t.app, null, 'POST', '/ip/revisions', { content: instrumentContent() })).statusCode).toBe(401);
    // The authority's own side corrects it, audited.
    const corrected = await api(t.app, hkOfficer, 'PATCH', '/ip/authorities/hk-ipd', { email: 'enquiry@example.org' });
    expect(corrected.statusCode, corrected.body).toBe(200);
  });

  it('names a bad field in the reader’s language', async () => {
    const bad = await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content: instrumentContent({ titleEn: '', officialUrl: 'not a link', relations: [{ kind: 'amends', to: 'no-such-law' }] }) }, { 'accept-language': 'zh-HK' });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries(bad.json().error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields['content.titleEn']).toContain('英文名稱');
    expect(fields['content.officialUrl']).toContain('官方來源');
    const unknown = await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content: instrumentContent({ relations: [{ kind: 'amends', to: 'no-such-law' }] }) }, { 'accept-language': 'en' });
    expect(unknown.json().error.fields[0]).toMatchObject({ field: 'content.relations.0.to', code: 'unknown_instrument' });
  });

  it('publishes an Atom feed that a real XML parser reads back, listing published updates only, newest first', async () => {
    const response = await api(t.app, null, 'GET', '/ip/updates.atom?lang=zh-Hant');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/atom+xml');
    expect(XMLValidator.validate(response.body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(response.body).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.title).toBe('粵港澳知識產權資料庫：最新動態');
    const entries = [feed.entry].flat();
    const titleOf = (e: { title: string | { '#text': string } }) => (typeof e.title === 'string' ? e.title : e.title['#text']);
    const titles = entries.map(titleOf);
    expect(titles).toContain('《專利法》第四次修正施行');
    expect(titles).toContain('《馬德里議定書》適用於香港');
    const days = entries.map((e: { updated: string }) => e.updated.slice(0, 10));
    expect([...days].sort().reverse()).toEqual(days);
    // A submitted revision's update is not in it.
    const content = instrumentContent();
    const id = (await api(t.app, hkOfficer, 'POST', '/ip/revisions', { content, update: { on: '2026-02-01', titleZh: '未發布的動態', titleEn: 'Unpublished update', summaryZh: null, summaryEn: null } })).json().id;
    await api(t.app, hkOfficer, 'POST', `/ip/revisions/${id}/submit`);
    const again = new XMLParser().parse((await api(t.app, null, 'GET', '/ip/updates.atom?lang=zh-Hant')).body).feed;
    expect([again.entry].flat().map(titleOf)).not.toContain('未發布的動態');
  });
});
