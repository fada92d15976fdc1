import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { auditLog, users } from '../db/schema.ts';
import { separateDuties } from './bootstrap.ts';

/**
 * Every endpoint for every role, and for an administrator of another unit: who gets in and
 * who is refused. Users of the Food and Health Bureau (hk-fhb) are the "own unit"; the
 * Guangdong Food Safety Commission Office (gd-fsco) is the other unit.
 */
type Who = 'anonymous' | 'reader' | 'officer' | 'approver' | 'unitAdmin' | 'otherUnitAdmin' | 'platformAdmin';
const everyone: Who[] = ['anonymous', 'reader', 'officer', 'approver', 'unitAdmin', 'otherUnitAdmin', 'platformAdmin'];

describe.each(engines)('access rules on %s', (engine) => {
  let t: TestApp;
  const cookies = {} as Record<Who, string | undefined>;
  let ownUnit: string;
  let targetUserId: string;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    ownUnit = await unitId(t.ctx, 'hk-fhb');
    const make = async (unit: string, roles: Parameters<typeof buildUser>[1]['roles']) => logInAs(t.app, (await buildUser(t.ctx, { unit, roles })).username);
    cookies.anonymous = undefined;
    cookies.reader = await make('hk-fhb', ['reader']);
    cookies.officer = await make('hk-fhb', ['officer']);
    cookies.approver = await make('hk-fhb', ['approver']);
    cookies.unitAdmin = await make('hk-fhb', ['unit_admin']);
    cookies.otherUnitAdmin = await make('gd-fsco', ['unit_admin']);
    cookies.platformAdmin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    targetUserId = (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).id;
  });
  afterAll(() => t?.close());

  type Case = { name: string; request: () => { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object }; allowed: Partial<Record<Who, number>>; denied?: number };
  const ok = (status: number, ...who: Who[]) => Object.fromEntries(who.map((w) => [w, status])) as Partial<Record<Who, number>>;
  const signedIn: Who[] = everyone.filter((w) => w !== 'anonymous');

  const cases: Case[] = [
    { name: 'GET /me', request: () => ({ method: 'GET', url: '/api/v1/me' }), allowed: ok(200, ...signedIn) },
    { name: 'GET /me/tokens', request: () => ({ method: 'GET', url: '/api/v1/me/tokens' }), allowed: ok(200, ...signedIn) },
    { name: 'GET /parties (public)', request: () => ({ method: 'GET', url: '/api/v1/parties' }), allowed: ok(200, ...everyone) },
    { name: 'GET /units', request: () => ({ method: 'GET', url: '/api/v1/units' }), allowed: ok(200, ...signedIn) },
    { name: 'GET /units/:id', request: () => ({ method: 'GET', url: `/api/v1/units/${ownUnit}` }), allowed: ok(200, ...signedIn) },
    { name: 'GET /directory', request: () => ({ method: 'GET', url: '/api/v1/directory' }), allowed: ok(200, ...signedIn) },
    { name: 'GET /agreements (public)', request: () => ({ method: 'GET', url: '/api/v1/agreements' }), allowed: ok(200, ...everyone) },
    { name: 'GET /agreements/:id (public)', request: () => ({ method: 'GET', url: '/api/v1/agreements/food-safety' }), allowed: ok(200, ...everyone) },
    { name: 'GET /search (public)', request: () => ({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent('香港')}` }), allowed: ok(200, ...everyone) },
    { name: 'GET /users of own unit', request: () => ({ method: 'GET', url: `/api/v1/users?unitId=${ownUnit}` }), allowed: ok(200, 'unitAdmin', 'platformAdmin') },
    // Someone a user may not read is, to them, no one: 404 as for a missing id.
    { name: 'GET /users/:id', request: () => ({ method: 'GET', url: `/api/v1/users/${targetUserId}` }), allowed: ok(200, 'unitAdmin', 'platformAdmin'), denied: 404 },
    {
      name: 'POST /users into hk-fhb',
      request: () => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username: `new-user-${++counter}`, displayName: 'New Officer', password: 'long-enough-password', unitId: ownUnit, roles: ['officer'] },
      }),
      allowed: ok(201, 'unitAdmin', 'platformAdmin'),
    },
    { name: 'PATCH /users/:id', request: () => ({ method: 'PATCH', url: `/api/v1/users/${targetUserId}`, payload: { title: `Inspector ${++counter}` } }), allowed: ok(200, 'unitAdmin', 'platformAdmin'), denied: 404 },
    {
      name: 'POST /units',
      request: () => ({ method: 'POST', url: '/api/v1/units', payload: { code: `unit-${++counter}`, partyCode: 'HK', name: { 'zh-Hant': '測試單位', en: 'Test unit' } } }),
      allowed: ok(201, 'platformAdmin'),
    },
    { name: 'PATCH /units/:id contacts', request: () => ({ method: 'PATCH', url: `/api/v1/units/${ownUnit}`, payload: { dutyPhone: `+852 2${++counter}` } }), allowed: ok(200, 'unitAdmin', 'platformAdmin') },
    {
      name: 'PATCH /units/:id name',
      request: () => ({ method: 'PATCH', url: `/api/v1/units/${ownUnit}`, payload: { name: { 'zh-Hant': '食物及衞生局', en: 'Food and Health Bureau' } } }),
      allowed: ok(200, 'platformAdmin'),
    },
    { name: 'GET /units/:id/posts', request: () => ({ method: 'GET', url: `/api/v1/units/${ownUnit}/posts?history=true` }), allowed: ok(200, ...signedIn) },
    {
      name: 'POST /units/:id/posts',
      request: () => ({ method: 'POST', url: `/api/v1/units/${ownUnit}/posts`, payload: { userId: targetUserId, post: 'deputy', agreementCode: 'food-safety' } }),
      allowed: ok(201, 'unitAdmin', 'platformAdmin'),
    },
    { name: 'GET /audit', request: () => ({ method: 'GET', url: '/api/v1/audit' }), allowed: ok(200, 'unitAdmin', 'otherUnitAdmin', 'platformAdmin') },
    { name: 'GET /audit/verification', request: () => ({ method: 'GET', url: '/api/v1/audit/verification' }), allowed: ok(200, 'platformAdmin') },
  ];

  for (const c of cases) {
    it.each(everyone)(`${c.name} as %s`, async (who) => {
      const cookie = cookies[who];
      const response = await t.app.inject({ ...c.request(), headers: cookie ? { cookie } : {} });
      const expected = c.allowed[who] ?? (who === 'anonymous' ? 401 : (c.denied ?? 403));
      expect(response.statusCode, response.body).toBe(expected);
      if (expected >= 400) expect(response.json().error.code).toBe({ 401: 'auth.required', 403: 'forbidden', 404: 'not_found' }[expected]);
    });
  }

  it('shows a unit administrator only their own unit\'s users and audit entries', async () => {
    const gdUnit = await unitId(t.ctx, 'gd-fsco');
    const users = await t.app.inject({ url: '/api/v1/users', headers: { cookie: cookies.unitAdmin! } });
    expect(users.statusCode).toBe(200);
    expect(users.json().length).toBeGreaterThan(0);
    expect(users.json().every((u: { unit: { id: string } }) => u.unit.id === ownUnit)).toBe(true);
    const other = await t.app.inject({ url: `/api/v1/users?unitId=${gdUnit}`, headers: { cookie: cookies.unitAdmin! } });
    expect(other.statusCode).toBe(403);
    const audit = await t.app.inject({ url: '/api/v1/audit?limit=200', headers: { cookie: cookies.otherUnitAdmin! } });
    expect(audit.json().every((e: { unitId: string }) => e.unitId === gdUnit)).toBe(true);
  });

  it('does not let a unit administrator make a platform administrator or move users to another unit', async () => {
    const gdUnit = await unitId(t.ctx, 'gd-fsco');
    const promote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${targetUserId}`, headers: { cookie: cookies.unitAdmin! }, payload: { isPlatformAdmin: true } });
    expect(promote.statusCode).toBe(403);
    const move = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${targetUserId}`, headers: { cookie: cookies.unitAdmin! }, payload: { unitId: gdUnit } });
    expect(move.statusCode).toBe(403);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: cookies.unitAdmin! },
      payload: { username: 'sneaky-admin', displayName: 'Sneaky', password: 'long-enough-password', unitId: ownUnit, isPlatformAdmin: true },
    });
    expect(create.statusCode).toBe(403);
  });

  it('keeps approvers for the platform administrator to designate, and no account both approver and unit administrator', async () => {
    const post = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie }, payload });
    const user = (username: string, roles: string[]) => ({ username, displayName: 'Puppet', password: 'long-enough-password', unitId: ownUnit, roles });
    // A unit administrator makes no approver: with a second approver one person could send alone.
    expect((await post(cookies.unitAdmin!, user('fhb-puppet-approver', ['approver']))).statusCode).toBe(403);
    const officer = await post(cookies.unitAdmin!, user('fhb-puppet-officer', ['officer']));
    expect(officer.statusCode).toBe(201);
    const promote = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${officer.json().id}`, headers: { cookie: cookies.unitAdmin! }, payload: { roles: ['officer', 'approver'] } });
    expect(promote.statusCode).toBe(403);
    // Nor takes over an approver's account by setting its password.
    const approver = await post(cookies.platformAdmin!, user('fhb-real-approver', ['approver']));
    expect(approver.statusCode).toBe(201);
    const approverUrl = `/api/v1/users/${approver.json().id}`;
    expect((await t.app.inject({ method: 'PATCH', url: approverUrl, headers: { cookie: cookies.unitAdmin! }, payload: { password: 'a-password-i-know' } })).statusCode).toBe(403);
    // Nor changes its roles, however they are spelled (a role twice is still a change of roles).
    const approverOfficer = await post(cookies.platformAdmin!, user('fhb-approver-officer', ['approver', 'officer']));
    for (const roles of [['officer', 'officer'], ['approver', 'approver']]) {
      expect((await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${approverOfficer.json().id}`, headers: { cookie: cookies.unitAdmin! }, payload: { roles } })).statusCode, roles.join()).toBe(403);
    }
    // Their contact details, with the roles sent back unchanged as the form does, are the unit's to keep.
    expect((await t.app.inject({ method: 'PATCH', url: approverUrl, headers: { cookie: cookies.unitAdmin! }, payload: { phone: '+852 2961 8888', roles: ['approver'] } })).statusCode).toBe(200);
    // Approver and unit administrator in one account: refused to everyone, the platform administrator too.
    const both = await post(cookies.platformAdmin!, user('fhb-both', ['approver', 'unit_admin']));
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].field).toBe('roles');
    expect((await t.app.inject({ method: 'PATCH', url: approverUrl, headers: { cookie: cookies.platformAdmin! }, payload: { roles: ['approver', 'unit_admin'] } })).statusCode).toBe(400);
  });

  it('takes the unit administrator role, audited, from an account made before that also approves', async () => {
    const both = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver', 'unit_admin'] });
    const officerAdmin = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'unit_admin'] });
    expect(await separateDuties(t.ctx)).toBe(1);
    const roles = async (id: string) => (await t.ctx.db.select({ roles: users.roles }).from(users).where(eq(users.id, id)))[0].roles;
    expect(await roles(both.id)).toEqual(['approver']);
    expect(await roles(officerAdmin.id)).toEqual(['officer', 'unit_admin']);
    const [entry] = await t.ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, both.id), eq(auditLog.action, 'user.duties_separated')));
    expect(entry.data).toMatchObject({ removedRole: 'unit_admin' });
    expect(await separateDuties(t.ctx)).toBe(0);
  });

  it('lets a user created by a unit administrator log in, and a deactivated one not', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: cookies.unitAdmin! },
      payload: { username: 'fhb-new-officer', displayName: '陳大文', password: 'a-good-password', unitId: ownUnit, roles: ['officer'] },
    });
    expect(created.statusCode).toBe(201);
    const cookie = await logInAs(t.app, 'fhb-new-officer', 'a-good-password');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${created.json().id}`, headers: { cookie: cookies.unitAdmin! }, payload: { active: false } });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'fhb-new-officer', password: 'a-good-password' } });
    expect(again.statusCode).toBe(401);
  });
});
