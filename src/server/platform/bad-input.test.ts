import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema.ts';
import { ADMIN_PASSWORD, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';

/** Invalid input of any shape gets a 4xx with the field and reason in the caller's language, never a 500. */
describe.each(engines)('bad input on %s', (engine) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({ engine });
    admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { cookie: admin, 'content-type': 'application/json', ...headers } });

  it('answers bad JSON with 400 request.invalid_json', async () => {
    const response = await post('/api/v1/users', '{"username": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid_json');
  });

  it('answers an oversized body with 413', async () => {
    const response = await post('/api/v1/users', JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('answers a form post with 415 (and with 403 when a session cookie rides along: see same-origin.test.ts)', async () => {
    const response = await post('/api/v1/auth/login', 'username=a&password=b', { 'content-type': 'application/x-www-form-urlencoded', cookie: '' });
    expect(response.statusCode).toBe(415);
  });

  it('refuses bytes that are not UTF-8 in a JSON body, naming the field, instead of storing U+FFFD', async () => {
    const unit = await unitId(t.ctx, 'hk-fhb');
    const body = (displayName: Buffer) =>
      Buffer.concat([Buffer.from(`{"username":"utf8-${displayName.length}","displayName":"`), displayName, Buffer.from(`","password":"a long enough password","unitId":"${unit}","roles":["officer"]}`)]);
    for (const bad of [Buffer.from([0x41, 0xff, 0x42]), Buffer.from([0xe6, 0x9d]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf])]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', payload: body(bad), headers: { cookie: admin, 'content-type': 'application/json', 'accept-language': 'zh-CN' } });
      expect(response.statusCode, bad.toString('hex')).toBe(400);
      expect(response.json().error.fields).toEqual([{ field: 'displayName', code: 'invalid_encoding', message: expect.stringContaining('UTF-8') }]);
      expect(response.json().error.fields[0].message).toContain('字节');
    }
    const stored = await t.ctx.db.select({ name: users.displayName }).from(users);
    expect(stored.some((u) => u.name.includes('\uFFFD'))).toBe(false);
    // A real U+FFFD, sent as UTF-8, is a character like any other.
    const genuine = await t.app.inject({ method: 'POST', url: '/api/v1/users', payload: body(Buffer.from('\uFFFD')), headers: { cookie: admin, 'content-type': 'application/json' } });
    expect(genuine.statusCode).toBe(201);
  });

  it('names each wrong field with a translated reason', async () => {
    const response = await post('/api/v1/users', JSON.stringify({ username: 'ab', displayName: 42, password: 'short', unitId: 'not-a-uuid', roles: ['king'] }), {
      'accept-language': 'zh-HK',
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.failed');
    expect(error.message).toBe('部分欄位無效。');
    const fields = Object.fromEntries(error.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(Object.keys(fields).sort()).toEqual(['displayName', 'password', 'roles.0', 'unitId', 'username'].sort());
    expect(fields.username).toContain('用戶名稱');
    expect(fields.password).toContain('10');
  });

  it('reports missing fields as required', async () => {
    const response = await post('/api/v1/auth/login', JSON.stringify({}));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'username', code: 'required', message: 'User name is required.' })]),
    );
  });

  it('calls an empty required text required', async () => {
    const response = await post('/api/v1/auth/login', JSON.stringify({ username: '', password: 'x' }));
    expect(response.json().error.fields[0]).toMatchObject({ field: 'username', code: 'required', message: 'User name is required.' });
  });

  it('refuses unknown fields instead of ignoring them', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie: admin }, payload: { locale: 'en', isPlatformAdmin: false } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].code).toBe('unrecognized_keys');
  });

  it('answers unknown ids and addresses with 404, malformed ids with 400', async () => {
    const unknownUser = await t.app.inject({ url: '/api/v1/users/00000000-0000-4000-8000-000000000000', headers: { cookie: admin } });
    expect(unknownUser.statusCode).toBe(404);
    expect(unknownUser.json().error.message).toBe('Not found: user.');
    expect((await t.app.inject({ url: '/api/v1/users/42', headers: { cookie: admin } })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/agreements/no-such-agreement' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/agreements/DROP%20TABLE' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/nothing-here' })).statusCode).toBe(404);
  });

  it('answers a user with an unknown unit with 400 on unitId and creates nothing', async () => {
    const before = (await t.ctx.db.select().from(users)).length;
    const response = await post(
      '/api/v1/users',
      JSON.stringify({ username: 'ghost', displayName: 'Ghost', password: 'long-enough-password', unitId: '00000000-0000-4000-8000-000000000000', roles: [] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields[0].field).toBe('unitId');
    expect((await t.ctx.db.select().from(users)).length).toBe(before);
  });

  it('answers a duplicate user name with 409 and keeps the first user', async () => {
    const unit = await unitId(t.ctx, 'hk-fhb');
    const body = JSON.stringify({ username: 'Dup-Name', displayName: 'First', password: 'long-enough-password', unitId: unit, roles: ['officer'] });
    expect((await post('/api/v1/users', body)).statusCode).toBe(201);
    const second = await post('/api/v1/users', body.replace('Dup-Name', 'dup-name').replace('First', 'Second'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.fields[0].field).toBe('username');
  });

  it('answers wrong query types with 400', async () => {
    expect((await t.app.inject({ url: '/api/v1/search?q=' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/search?q=a&limit=abc' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/v1/search?q=${'x'.repeat(500)}` })).statusCode).toBe(400);
  });
});
