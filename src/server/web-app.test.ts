import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, logInAs, startTestApp, type TestApp } from '../../test/support/harness.ts';

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web/assets');
const builtIndex = path.join(assets, '../index.html');

/** The built web app as the server gives it out (npm test builds it first). */
describe('the web app served', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true });
  });
  afterAll(() => t?.close());

  it('gives the app for client-side routes, and 404 for a script that is not there', async () => {
    const page = await t.app.inject({ url: '/notifications/inbox' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const missing = await t.app.inject({ url: '/assets/index-00000000.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).not.toMatch(/text\/html/);
    // Nothing outside the assets folder is reached through it.
    expect((await t.app.inject({ url: '/assets/..%2F..%2F..%2Fpackage.json' })).statusCode).toBe(404);
  });

  it('serves a script added by a rebuild while it runs', async () => {
    const name = `rebuilt-${process.pid}-${Date.now()}.js`;
    fs.writeFileSync(path.join(assets, name), 'export const rebuilt = true;\n');
    try {
      const added = await t.app.inject({ url: `/assets/${name}` });
      expect(added.statusCode).toBe(200);
      expect(added.headers['content-type']).toMatch(/javascript/);
      expect(added.body).toContain('rebuilt = true');
    } finally {
      fs.rmSync(path.join(assets, name));
    }
  });

  it('sends a strict Content-Security-Policy and the other security headers with the app', async () => {
    const page = await t.app.inject({ url: '/notifications/inbox' });
    const csp = String(page.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('same-origin');
    // The built app has no inline script for that policy to block: every script is a file of its own.
    const html = fs.readFileSync(builtIndex, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('tells caches not to keep API answers, which carry record contents', async () => {
    const cookie = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    for (const url of ['/api/v1/me', '/api/v1/notifications?box=inbox', '/api/v1/nowhere']) {
      const answer = await t.app.inject({ url, headers: { cookie } });
      expect(answer.headers['cache-control'], url).toBe('no-store');
      expect(answer.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});
