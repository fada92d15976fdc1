import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accessDenials, auditLog, sessions, users } from '../db/schema.ts';
import { createApiToken } from './api-tokens.ts';
import { buildUser, engines, logInAs, PASSWORD, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';

describe.each(engines)('accounts on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });

  it('logs in with the right password, sets a httpOnly SameSite=Lax cookie, and answers /me', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const response = await login(user.username, PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'liaison_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(response.json().user.unit.code).toBe('hk-fhb');

    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie: `liaison_session=${cookie.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: user.username, roles: ['officer'], isPlatformAdmin: false });
    // Only the token's hash is stored.
    const stored = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored[0].tokenHash).not.toContain(cookie.value);
  });

  it('refuses a wrong password with a message in the caller\'s language', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    const en = await login(user.username, 'wrong-password');
    expect(en.statusCode).toBe(401);
    expect(en.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: 'The user name or password is not correct.' });
    const hans = await login(user.username, 'wrong-password', { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(hans.json().error.message).toBe('用户名或密码不正确。');
    const hant = await login(user.username, 'wrong-password', { 'accept-language': 'zh-HK' });
    expect(hant.json().error.message).toBe('用戶名稱或密碼不正確。');
  });

  it('slows down retries after five failed log-ins, then lets the right password in once the wait is over', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] });
    for (let i = 0; i < 5; i++) expect((await login(user.username, 'nope')).statusCode).toBe(401);
    const blocked = await login(user.username, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(2_000);
    expect((await login(user.username, PASSWORD)).statusCode).toBe(200);
  });

  it('does not let anyone who knows a user name keep its officer out: failures from one address do not block the owner at theirs, and every try is recorded', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] });
    const fromAttacker = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password }, remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 8; i++) expect((await fromAttacker(`guess-${i}`)).statusCode).toBeOneOf([401, 429]);
    expect((await fromAttacker(PASSWORD)).statusCode).toBe(429);
    const owner = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: PASSWORD }, remoteAddress: '198.51.100.20' });
    expect(owner.statusCode).toBe(200);
    const tries = await t.ctx.db.select().from(accessDenials).where(eq(accessDenials.ip, '203.0.113.9'));
    expect(tries.filter((d) => d.code === 'auth.invalid_credentials').length).toBeGreaterThanOrEqual(5);
    expect(tries.some((d) => d.code === 'auth.too_many_attempts')).toBe(true);
  });

  it('counts the addresses of one IPv6 network (/64) as one: a guesser does not start afresh from each of its addresses', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] });
    const from = (password: string, remoteAddress: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password }, remoteAddress });
    for (let i = 1; i <= 8; i++) expect((await from(`guess-${i}`, `2001:db8:1:2::${i.toString(16)}`)).statusCode).toBeOneOf([401, 429]);
    expect((await from(PASSWORD, '2001:db8:1:2:ffff:ffff:ffff:fff0')).statusCode).toBe(429);
    // An IPv4 client seen through an IPv6 socket is the IPv4 address.
    for (let i = 0; i < 6; i++) await from(`guess-${i}`, '::ffff:192.0.2.44');
    expect((await from(PASSWORD, '192.0.2.44')).statusCode).toBe(429);
    // The owner, on another network, still gets in.
    expect((await from(PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('lets no more than five guesses through when they are sent all at once', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user.username, password: `guess-${i}` }, remoteAddress: '203.0.113.50' })));
    expect(answers.filter((a) => a.statusCode === 401).length).toBeLessThanOrEqual(5);
    expect(answers.every((a) => [401, 429].includes(a.statusCode))).toBe(true);
  });

  it('ends a session after the idle limit and after the absolute limit', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-edb', roles: ['reader'] });
    const cookie = await logInAs(t.app, user.username);
    const me = () => t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    t.clock.advance(29 * 60_000);
    expect((await me()).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    expect((await me()).statusCode).toBe(401);

    const cookie2 = await logInAs(t.app, user.username);
    const me2 = () => t.app.inject({ url: '/api/v1/me', headers: { cookie: cookie2 } });
    // Used every 20 minutes, so never idle: still ended 12 hours after log-in.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await me2()).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60_000);
    expect((await me2()).statusCode).toBe(401);
  });

  it('keeps an active session alive past the idle limit while it is used', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-edb', roles: ['reader'] });
    const cookie = await logInAs(t.app, user.username);
    for (let i = 0; i < 4; i++) {
      t.clock.advance(20 * 60_000);
      expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(200);
    }
  });

  it('logs out: the cookie no longer works', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] });
    const cookie = await logInAs(t.app, user.username);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('lets a machine client act with an API token until it is revoked', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-customs', roles: ['officer'] });
    const cookie = await logInAs(t.app, user.username);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: { cookie }, payload: { name: 'lab import' } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const viaToken = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.json().username).toBe(user.username);
    const list = await t.app.inject({ url: '/api/v1/me/tokens', headers: { cookie } });
    expect(list.json().map((x: { name: string }) => x.name)).toEqual(['lab import']);
    expect(JSON.stringify(list.json())).not.toContain(token);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${id}`, headers: { cookie } });
    expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('remembers the chosen language and answers errors in it', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-ipo', roles: ['officer'] });
    const cookie = await logInAs(t.app, user.username);
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'zh-Hans' } });
    expect(changed.json()).toMatchObject({ locale: 'zh-Hans', effectiveLocale: 'zh-Hans' });
    const denied = await t.app.inject({ url: '/api/v1/users', headers: { cookie, 'accept-language': 'en' } });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toBe('您没有权限进行此操作。');
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-police', roles: ['officer'] });
    const first = await logInAs(t.app, user.username);
    const second = await logInAs(t.app, user.username);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: first }, payload: { currentPassword: 'nope', newPassword: 'a-new-password-1' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('currentPassword');
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: first }, payload: { currentPassword: PASSWORD, newPassword: 'a-new-password-1' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: first } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: second } })).statusCode).toBe(401);
    expect((await login(user.username, 'a-new-password-1')).statusCode).toBe(200);
  });

  it('records every denied request', async () => {
    const before = (await t.ctx.db.select().from(accessDenials)).length;
    await t.app.inject({ url: '/api/v1/directory' });
    // In the order they were recorded: without an order, PostgreSQL may return a table's rows in any.
    const after = await t.ctx.db.select().from(accessDenials).orderBy(accessDenials.id);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({ path: '/api/v1/directory', status: 401, code: 'auth.required' });
  });

  it('audits log-ins', async () => {
    const user = await buildUser(t.ctx, { unit: 'hk-ipd', roles: ['officer'] });
    await logInAs(t.app, user.username);
    const entries = await t.ctx.db.select().from(auditLog).where(eq(auditLog.entityId, user.id));
    expect(entries.map((e) => e.action)).toContain('user.logged_in');
  });

  it('has the holder of a password an administrator chose choose their own before anything else, and again after a reset', async () => {
    const admin = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-edb', roles: ['unit_admin'] })).username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'edb-given-password', displayName: '李小華', password: 'given by the admin', unitId: await unitId(t.ctx, 'hk-edb'), roles: ['officer'] },
    });
    expect(created.json().mustChangePassword).toBe(true);
    const cookie = await logInAs(t.app, 'edb-given-password', 'given by the admin');
    const me = await t.app.inject({ url: '/api/v1/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ username: 'edb-given-password', mustChangePassword: true });
    // Nothing else answers until then, in the holder's language.
    for (const url of ['/api/v1/directory', '/api/v1/notifications?box=inbox', '/api/v1/me/tokens']) {
      const refused = await t.app.inject({ url, headers: { cookie, 'accept-language': 'zh-Hant' } });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error).toMatchObject({ code: 'auth.password_change_required', message: expect.stringContaining('管理員') });
    }
    // What stays open: their own details, logging in afresh, and not API tokens made before.
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { locale: 'zh-Hant' } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie }, payload: { username: 'edb-given-password', password: 'given by the admin' } })).statusCode).toBe(200);
    const [holder] = await t.ctx.db.select().from(users).where(eq(users.username, 'edb-given-password'));
    const { token } = await createApiToken(t.ctx, { viewer: { userId: holder.id, username: holder.username, displayName: holder.displayName, unitId: holder.unitId, partyCode: 'HK', roles: ['officer'], isPlatformAdmin: false, locale: null, mustChangePassword: true, via: 'session', sessionId: null }, name: 'script' });
    expect((await t.app.inject({ url: '/api/v1/directory', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(403);
    const loggedOut = await logInAs(t.app, 'edb-given-password', 'given by the admin');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: loggedOut } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/me', headers: { cookie: loggedOut } })).statusCode).toBe(401);
    const same = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie }, payload: { currentPassword: 'given by the admin', newPassword: 'given by the admin' } });
    expect(same.json().error.fields).toMatchObject([{ field: 'newPassword', code: 'same_password' }]);
    const changed = await t.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie }, payload: { currentPassword: 'given by the admin', newPassword: 'chosen by the holder' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/directory', headers: { cookie } })).statusCode).toBe(200);

    // An administrator's reset makes the password known again.
    await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${created.json().id}`, headers: { cookie: admin }, payload: { password: 'reset by the admin' } });
    const again = await logInAs(t.app, 'edb-given-password', 'reset by the admin');
    expect((await t.app.inject({ url: '/api/v1/directory', headers: { cookie: again } })).statusCode).toBe(403);
  });
});
