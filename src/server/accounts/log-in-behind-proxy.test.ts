import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accessDenials } from '../db/schema.ts';
import { buildUser, engines, PASSWORD, startTestApp, type TestApp } from '../../../test/support/harness.ts';

/**
 * Behind the TLS proxy (LIAISON_TRUST_PROXY=1) the client's address is the one the proxy adds to
 * X-Forwarded-For, the last: what the client wrote there itself comes before it and proves nothing.
 */
describe.each(engines)('log-in throttling behind the proxy on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine, config: { trustProxy: true } });
  });
  afterAll(() => t?.close());

  /** As the proxy forwards it: the client's own X-Forwarded-For, then the address the proxy saw. */
  const viaProxy = (username: string, password: string, claimed: string, real: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': `${claimed}, ${real}`, 'x-forwarded-proto': 'https' } });

  it('does not let a guesser start afresh by writing another address into X-Forwarded-For', async () => {
    const user = await buildUser(t.ctx, { unit: 'gd-edu', roles: ['officer'] });
    for (let i = 0; i < 8; i++) expect((await viaProxy(user.username, `guess-${i}`, `10.9.8.${i}`, '203.0.113.7')).statusCode).toBeOneOf([401, 429]);
    expect((await viaProxy(user.username, PASSWORD, '10.9.8.200', '203.0.113.7')).statusCode).toBe(429);
    const tries = await t.ctx.db.select().from(accessDenials).where(eq(accessDenials.ip, '203.0.113.7'));
    expect(tries.length).toBeGreaterThanOrEqual(8);
    // The owner, elsewhere, still gets in.
    expect((await viaProxy(user.username, PASSWORD, '10.9.8.1', '198.51.100.20')).statusCode).toBe(200);
  });
});
