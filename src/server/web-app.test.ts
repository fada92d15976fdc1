import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/harness.ts';

const assets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web/assets');

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
});
