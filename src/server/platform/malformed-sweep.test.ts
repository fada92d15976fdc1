import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, buildUser, engines, logInAs, startTestApp, type TestApp } from '../../../test/support/harness.ts';

/** Bodies no form of Liaison sends, as raw bytes with the content type they claim. */
const bodies: { name: string; type: string; payload: string | Buffer }[] = [
  { name: 'truncated JSON', type: 'application/json', payload: '{"title": ' },
  { name: 'empty JSON', type: 'application/json', payload: '' },
  { name: 'array', type: 'application/json', payload: '[1,2,3]' },
  { name: 'string', type: 'application/json', payload: '"x"' },
  { name: 'wrong types', type: 'application/json', payload: JSON.stringify({ title: 1, text: [], unitIds: 'x', value: 'NaN', date: 99, roles: {}, scheduledAt: true }) },
  { name: 'huge numbers', type: 'application/json', payload: '{"value": 1e400, "expiresInDays": 1e308, "limit": -1e308}' },
  { name: 'NUL', type: 'application/json', payload: JSON.stringify({ name: 'a\u0000b', title: '\u0000', comment: '\u0000' }) },
  { name: 'lone surrogate', type: 'application/json', payload: '{"name":"\\ud800","title":"\\udc00x","comment":"\\ud800"}' },
  { name: 'bytes not UTF-8', type: 'application/json', payload: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0]), Buffer.from('","comment":"x"}')]) },
  { name: 'deep nesting', type: 'application/json', payload: `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}` },
  { name: 'prototype poisoning', type: 'application/json', payload: '{"__proto__":{"isPlatformAdmin":true},"constructor":{"prototype":{"x":1}}}' },
  { name: 'multipart without boundary', type: 'multipart/form-data', payload: 'x' },
  { name: 'XML', type: 'application/xml', payload: '<a/>' },
];
const ids = () => [randomUUID(), 'not-a-uuid', '%00', 'x'.repeat(600), '..%2F..%2Fetc'];

/**
 * Malformed requests to every operation of the API document, as a signed-in user of the web app
 * (same origin) would send them: each gets a 4xx, never a 5xx (the security review's sweep).
 */
describe.each(engines)('malformed requests to every operation on %s', (engine) => {
  let t: TestApp;
  let cookies: string[];
  beforeAll(async () => {
    t = await startTestApp({ engine });
    cookies = [await logInAs(t.app, 'admin', ADMIN_PASSWORD), await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer', 'approver'] })).username)];
  });
  afterAll(() => t?.close());

  it('answers each with a 4xx naming what is wrong, and none with a 5xx', async () => {
    const document = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const answered: Record<string, number> = {};
    const fivexx: string[] = [];
    let requests = 0;
    // Logging out would end the session the rest of the sweep signs in with.
    for (const [template, methods] of Object.entries(document.paths).filter(([p]) => p !== '/api/v1/auth/logout')) {
      for (const method of Object.keys(methods).map((m) => m.toUpperCase() as 'GET')) {
        const urls = ids().map((id) => template.replace(/\{[^}]+\}/g, id));
        for (const cookie of cookies) {
          for (const url of urls) {
            const sends = method === 'GET' || method === 'DELETE' ? [{ name: 'query', type: undefined, payload: undefined }] : bodies;
            for (const body of sends) {
              const query = method === 'GET' ? '?limit=-1&from=0000-01-01&q=%00&page=x&unitId=not-a-uuid' : '';
              const answer = await t.app.inject({
                method,
                url: `${url}${query}`,
                headers: { cookie, origin: 'http://localhost', ...(body.type ? { 'content-type': body.type } : {}) },
                payload: body.payload,
              });
              requests++;
              answered[answer.statusCode] = (answered[answer.statusCode] ?? 0) + 1;
              if (answer.statusCode >= 500) fivexx.push(`${method} ${url.slice(0, 80)} ${body.name} → ${answer.statusCode} ${answer.body.slice(0, 200)}`);
              else if (answer.statusCode >= 400 && !answer.headers['content-type']?.toString().includes('json')) fivexx.push(`${method} ${url.slice(0, 80)} ${body.name} → ${answer.statusCode} without a JSON error`);
            }
          }
        }
      }
    }
    console.log(`malformed sweep on ${engine}: ${requests} requests, answered ${JSON.stringify(answered)}`);
    expect(fivexx).toEqual([]);
    expect(requests).toBeGreaterThan(2000);
  }, 600_000);
});
