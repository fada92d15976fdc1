import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/**
 * Clause 1 ¶4 of the food-safety agreement: information on imported or exported food goes
 * between the relevant departments through the existing channels. A customs unit inside Liaison
 * that a notification is routed to shares it; a department outside gets a recorded hand-off.
 */
describe.each(engines)('the customs channel on %s', (engine) => {
  let t: TestApp;
  let fsco: string;
  let hkCustomsUnit: string;
  let gdCustomsUnit: string;
  let hkOfficer: string;
  let hkApprover: string;
  let gdOfficer: string;
  let hkCustoms: string;
  let hkCustomsReader: string;
  let gdCustoms: string;
  let bystander: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    hkCustomsUnit = await unitId(t.ctx, 'hk-customs');
    gdCustomsUnit = await unitId(t.ctx, 'gd-customs');
    hkOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    gdOfficer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    hkCustoms = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer'] })).username);
    hkCustomsReader = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-customs', roles: ['reader'] })).username);
    gdCustoms = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-customs', roles: ['officer'] })).username);
    bystander = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
  });
  afterAll(() => t?.close());

  const send = async (overrides: Record<string, unknown> = {}) => {
    const n = (await call(t.app, hkOfficer, 'POST', '/notifications', draftBody(fsco, { customsChannel: true, ...overrides }))).json();
    await call(t.app, hkOfficer, 'POST', `/notifications/${n.id}/submit`);
    return (await call(t.app, hkApprover, 'POST', `/notifications/${n.id}/approve`)).json();
  };
  const route = (who: string, id: string, body: Record<string, unknown>) => call(t.app, who, 'POST', `/notifications/${id}/customs-routing`, { routedAt: '2026-11-24T11:00:00+08:00', ...body });
  const inboxIds = async (who: string) => ((await call(t.app, who, 'GET', '/notifications?box=inbox')).json().items as { id: string }[]).map((i) => i.id);

  it('shares a notification with the customs unit it is routed to: it reads it, finds it, follows it up and acknowledges its routing', async () => {
    const sent = await send();
    // Before the routing, the customs unit sees nothing of it.
    expect((await call(t.app, hkCustoms, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(404);
    expect(await inboxIds(hkCustoms)).not.toContain(sent.id);

    const routed = await route(hkOfficer, sent.id, { customsUnitId: hkCustomsUnit });
    expect(routed.statusCode).toBe(201);
    const [routing] = routed.json().customs.routings;
    expect(routing).toMatchObject({ customsUnit: { id: hkCustomsUnit }, routedTo: null, routedBy: { code: 'hk-fhb' }, acknowledgedAt: null, canAcknowledge: false });

    const seen = await call(t.app, hkCustoms, 'GET', `/notifications/${sent.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().customs.routings[0].canAcknowledge).toBe(true);
    expect(seen.json().can).toMatchObject({ acknowledge: false, followUp: true, close: false, withdraw: false });
    expect(await inboxIds(hkCustoms)).toContain(sent.id);
    const found = await call(t.app, hkCustoms, 'GET', `/search?q=${encodeURIComponent(sent.reference)}`);
    expect((found.json().results as { url: string }[]).some((r) => r.url === `/notifications/${sent.id}`)).toBe(true);

    // Its own follow-up reaches both liaison units; it may not reclassify.
    const info = await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '已於文錦渡口岸截查該批貨物。' });
    expect(info.statusCode).toBe(201);
    expect((await call(t.app, gdOfficer, 'GET', `/notifications/${sent.id}`)).json().followUps.some((f: { text: Record<string, string> }) => f.text['zh-Hant'].includes('文錦渡'))).toBe(true);
    expect((await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'reclassification', script: 'zh-Hant', text: '改為跟進通報', newClassification: 'follow_up' })).statusCode).toBe(403);
    // Only the addressee acknowledges the notification; the customs unit acknowledges its routing.
    expect((await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/acknowledge`)).statusCode).toBe(403);
    expect((await call(t.app, hkCustomsReader, 'POST', `/notifications/${sent.id}/customs-routing/${routing.id}/acknowledge`)).statusCode).toBe(403);
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/customs-routing/${routing.id}/acknowledge`)).statusCode).toBe(403);
    const acked = await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/customs-routing/${routing.id}/acknowledge`);
    expect(acked.statusCode).toBe(200);
    expect(acked.json().customs.routings[0]).toMatchObject({ acknowledgedAt: expect.any(String), canAcknowledge: false });
    expect(acked.json().status).toBe('sent');
    expect((await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/customs-routing/${routing.id}/acknowledge`)).statusCode).toBe(409);
    const timeline = (await call(t.app, hkOfficer, 'GET', `/notifications/${sent.id}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['routed_to_customs', 'customs_acknowledged']));

    // Units it was not routed to still see nothing of it.
    for (const who of [gdCustoms, bystander]) {
      expect((await call(t.app, who, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(404);
      expect(await inboxIds(who)).not.toContain(sent.id);
    }
  });

  it('keeps every routing, to units inside Liaison and departments outside it', async () => {
    const sent = await send();
    expect((await route(gdOfficer, sent.id, { customsUnitId: gdCustomsUnit })).statusCode).toBe(201);
    expect((await route(gdOfficer, sent.id, { routedTo: '深圳出入境檢驗檢疫局' })).statusCode).toBe(201);
    const last = await route(hkOfficer, sent.id, { customsUnitId: hkCustomsUnit });
    expect(last.json().customs.routings.map((r: { customsUnit: { code: string } | null; routedTo: string | null }) => r.customsUnit?.code ?? r.routedTo)).toEqual(['gd-customs', '深圳出入境檢驗檢疫局', 'hk-customs']);
    // The same customs unit twice is a conflict, not a second share.
    expect((await route(gdOfficer, sent.id, { customsUnitId: gdCustomsUnit })).statusCode).toBe(409);
    for (const who of [gdCustoms, hkCustoms]) expect((await call(t.app, who, 'GET', `/notifications/${sent.id}`)).statusCode).toBe(200);
  });

  it('refuses a routing that is not to a customs unit, names both or neither, or comes from a unit not party to it', async () => {
    const sent = await send();
    const notCustoms = await route(hkOfficer, sent.id, { customsUnitId: fsco });
    expect(notCustoms.statusCode).toBe(400);
    expect(notCustoms.json().error.fields).toEqual([expect.objectContaining({ field: 'customsUnitId', code: 'not_customs_unit' })]);
    const both = await route(hkOfficer, sent.id, { customsUnitId: hkCustomsUnit, routedTo: '香港海關' });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].field).toBe('routedTo');
    const neither = await route(hkOfficer, sent.id, {});
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields[0]).toMatchObject({ field: 'customsUnitId', code: 'required' });
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/customs-routing`, { customsUnitId: hkCustomsUnit, routedAt: '2026-11-24T11:00:00+08:00' }, { 'accept-language': 'zh-Hant' })).statusCode).toBe(201);
    // A customs unit it was routed to does not route it on; a bystander cannot find it to route.
    expect((await route(hkCustoms, sent.id, { customsUnitId: gdCustomsUnit })).statusCode).toBe(403);
    expect((await route(bystander, sent.id, { customsUnitId: gdCustomsUnit })).statusCode).toBe(404);
    // Not a customs-channel notification: nothing to route.
    const local = await send({ customsChannel: false });
    expect((await route(hkOfficer, local.id, { customsUnitId: hkCustomsUnit })).statusCode).toBe(409);
  });

  it("does not let a customs unit answer a request put to a liaison unit, nor count the liaison units' requests and acknowledgements as its own work", async () => {
    const sent = await send();
    expect((await route(hkOfficer, sent.id, { customsUnitId: hkCustomsUnit })).statusCode).toBe(201);
    const before = Object.fromEntries(((await call(t.app, hkCustoms, 'GET', '/work')).json().counts as { key: string; count: number }[]).map((c) => [c.key, c.count]));
    // Guangdong asks Hong Kong, the sender, for information: Hong Kong answers it, not the customs unit.
    const ask = await call(t.app, gdOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'request_for_information', script: 'zh-Hans', text: '请提供出口商名称。' });
    expect(ask.statusCode, ask.body).toBe(201);
    const askedId = (ask.json().followUps as { id: string; kind: string }[]).find((f) => f.kind === 'request_for_information')!.id;
    const work = async () => Object.fromEntries(((await call(t.app, hkCustoms, 'GET', '/work')).json().counts as { key: string; count: number }[]).map((c) => [c.key, c.count]));
    // Not the customs unit's to answer, nor its acknowledgement to make: its home does not count them.
    expect(await work()).toMatchObject({ requestsReceived: before.requestsReceived, ackDueSoon: 0, ackOverdue: 0 });
    expect((await call(t.app, hkCustoms, 'GET', '/notifications?box=inbox&openRequests=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(sent.id);
    expect((await call(t.app, hkCustoms, 'GET', '/notifications?box=inbox&dueSoon=true')).json().items.map((i: { id: string }) => i.id)).not.toContain(sent.id);
    // Its "answer" would mark Hong Kong's request answered behind Hong Kong's back.
    const answer = await call(t.app, hkCustoms, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '出口商為某公司。', answersId: askedId });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error.fields[0]).toMatchObject({ field: 'answersId' });
    const asked = (await call(t.app, hkOfficer, 'GET', `/notifications/${sent.id}`)).json().followUps.find((f: { id: string }) => f.id === askedId);
    expect(asked.answeredAt).toBeNull();
    expect((await call(t.app, hkOfficer, 'GET', '/notifications?box=sent&openRequests=true')).json().items.map((i: { id: string }) => i.id)).toContain(sent.id);
    // The sender answers it.
    expect((await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/follow-ups`, { kind: 'additional_information', script: 'zh-Hant', text: '出口商為某公司。', answersId: askedId })).statusCode).toBe(201);
  });

  it('names the field in the reader\'s language', async () => {
    const sent = await send();
    const answer = await call(t.app, hkOfficer, 'POST', `/notifications/${sent.id}/customs-routing`, { customsUnitId: fsco, routedAt: '2026-11-24T11:00:00+08:00' }, { 'accept-language': 'zh-Hant' });
    expect(answer.json().error.fields[0].message).toContain('海關單位');
  });
});
