import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { accessDenials } from '../db/schema.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/** Another site on the same host (another port): SameSite=Lax still sends the session cookie to it. */
const attacker = { origin: 'http://localhost:4000', 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' };

describe.each(engines)('cross-site requests on %s', (engine) => {
  let t: TestApp;
  let officer: string;
  let approver: string;
  let fsco: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    fsco = await unitId(t.ctx, 'gd-fsco');
    officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
  });
  afterAll(() => t?.close());

  it('does not let a form on another site approve and send a notification for a signed-in approver', async () => {
    const n = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, officer, 'POST', `/notifications/${n.id}/submit`);
    const forged = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${n.id}/approve`, headers: { cookie: approver, ...attacker }, payload: '' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('auth.cross_site');
    expect((await call(t.app, approver, 'GET', `/notifications/${n.id}`)).json().status).toBe('submitted');
    const [denial] = await t.ctx.db.select().from(accessDenials).where(and(eq(accessDenials.code, 'auth.cross_site'), eq(accessDenials.path, `/api/v1/notifications/${n.id}/approve`)));
    expect(denial.reason).toContain('Sec-Fetch-Site: same-site');
  });

  it('refuses a form post (text/plain) even from a browser that sends no Origin', async () => {
    const n = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco))).json();
    const forged = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${n.id}/submit`, headers: { cookie: officer, 'content-type': 'text/plain' }, payload: 'x=1' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.message).toMatch(/another site/);
    expect((await call(t.app, officer, 'GET', `/notifications/${n.id}`)).json().status).toBe('draft');
  });

  it("accepts the web app's own requests: same origin by Origin and by Sec-Fetch-Site", async () => {
    const n = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco), { origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' })).json();
    expect((await call(t.app, officer, 'POST', `/notifications/${n.id}/submit`, undefined, { origin: 'http://localhost:80' })).statusCode).toBe(200);
    expect((await call(t.app, approver, 'POST', `/notifications/${n.id}/approve`, undefined, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
  });

  it('refuses every state-changing operation of the API from another site when a session cookie authenticates it', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => ({ method: m.toUpperCase() as 'POST', path: path.replace(/\{[^}]+\}/g, () => randomUUID()) })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const let_through: string[] = [];
    for (const op of operations) {
      for (const headers of [attacker, { origin: 'http://evil.example', 'content-type': 'application/json' }, { 'content-type': 'application/x-www-form-urlencoded' }]) {
        const answer = await t.app.inject({ method: op.method, url: op.path, headers: { cookie: approver, ...headers }, payload: headers['content-type'] === 'application/json' ? '{}' : 'a=1' });
        if (answer.statusCode !== 403 || answer.json().error.code !== 'auth.cross_site') let_through.push(`${op.method} ${op.path} ${JSON.stringify(headers)} → ${answer.statusCode}`);
      }
    }
    expect(let_through).toEqual([]);
  });

  it('leaves API tokens alone: a browser never sends them by itself', async () => {
    const token = (await call(t.app, officer, 'POST', '/me/tokens', { name: 'script', expiresInDays: 1 })).json().token;
    const n = await t.app.inject({ method: 'POST', url: '/api/v1/notifications', headers: { authorization: `Bearer ${token}`, origin: 'http://elsewhere.example' }, payload: draftBody(fsco) });
    expect(n.statusCode).toBe(201);
  });
});
