import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, engines, logInAs } from '../../../test/support/harness.ts';
import { introduce, startNode, type Node } from '../../../test/support/nodes.ts';
import { api, buildCoordinator, buildSchool } from '../../../test/support/schools.ts';
import { dispatchOnce } from '../exchange/dispatch.ts';

/**
 * Sister-school pairing with each side on its own node: the Guangdong school registered on the
 * Guangdong node is known on the Hong Kong node (without its contacts), a Hong Kong school
 * proposes to it, and every consent and endorsement crosses, so that the pair is active on both.
 */
describe.each(engines)('sister-school pairing across two nodes on %s', (engine) => {
  let hk: Node;
  let gd: Node;
  beforeAll(async () => {
    hk = await startNode('Hong Kong node', ['HK'], engine);
    gd = await startNode('Guangdong node', ['GD'], engine);
    await introduce(hk, gd);
    hk.cookies.edb = await logInAs(hk.app, (await buildUser(hk.ctx, { unit: 'hk-edb', roles: ['officer'] })).username);
    hk.cookies.edbApprover = await logInAs(hk.app, (await buildUser(hk.ctx, { unit: 'hk-edb', roles: ['approver'] })).username);
    gd.cookies.edu = await logInAs(gd.app, (await buildUser(gd.ctx, { unit: 'gd-edu', roles: ['officer'] })).username);
    gd.cookies.eduApprover = await logInAs(gd.app, (await buildUser(gd.ctx, { unit: 'gd-edu', roles: ['approver'] })).username);
  });
  afterAll(async () => {
    await hk?.close();
    await gd?.close();
  });
  const both = async () => {
    await dispatchOnce(hk.ctx);
    await dispatchOnce(gd.ctx);
  };

  it('pairs a Hong Kong and a Guangdong school each kept on its own node, active on both with one history', async () => {
    const gdSchool = await buildSchool(gd.app, gd.cookies.edu, 'GD', { code: 'GD-NODE-1', nameZh: '深圳节点测试学校' });
    const gdCoordinator = await buildCoordinator(gd.app, gd.cookies.edu, gdSchool);
    const hkSchool = await buildSchool(hk.app, hk.cookies.edb, 'HK', { code: 'HK-NODE-1', nameZh: '節點測試學校' });
    const hkCoordinator = await buildCoordinator(hk.app, hk.cookies.edb, hkSchool);
    await both();

    // The Guangdong school, as the Hong Kong node knows it: found by its code, its contacts not copied.
    const listed = (await api(hk.app, hk.cookies.edb, 'GET', '/schools?side=GD&q=GD-NODE-1')).json();
    const copy = listed.schools.find((s: { code: string }) => s.code === 'GD-NODE-1');
    expect(copy).toBeDefined();
    expect(copy.contactEmail ?? null).toBeNull();

    const proposed = await api(hk.app, hkCoordinator.cookie, 'POST', '/sister-pairs', { hkSchoolId: hkSchool, gdSchoolId: copy.id, message: '共同推動STEM教育' });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const pairId = proposed.json().id as string;
    await both();

    expect((await api(gd.app, gdCoordinator.cookie, 'POST', `/sister-pairs/${pairId}/consent`, { comment: '同意结为姊妹学校' })).statusCode).toBe(200);
    await both();
    expect((await api(gd.app, gd.cookies.eduApprover, 'POST', `/sister-pairs/${pairId}/endorse`, {})).statusCode).toBe(200);
    await both();
    const endorsed = await api(hk.app, hk.cookies.edbApprover, 'POST', `/sister-pairs/${pairId}/endorse`, {});
    expect(endorsed.statusCode, endorsed.body).toBe(200);
    expect(endorsed.json().status).toBe('active');
    await both();

    const onGd = (await api(gd.app, gd.cookies.edu, 'GET', `/sister-pairs/${pairId}`)).json();
    expect(onGd.status).toBe('active');
    const onHk = (await api(hk.app, hk.cookies.edb, 'GET', `/sister-pairs/${pairId}`)).json();
    const kinds = (pair: { history: { kind: string }[] }) => pair.history.map((e) => e.kind).filter((k) => ['proposed', 'consented', 'endorsed'].includes(k));
    expect(kinds(onGd)).toEqual(kinds(onHk));
    expect(kinds(onHk)).toEqual(['proposed', 'consented', 'endorsed', 'endorsed']);
  });
});
