import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/processes.ts';

/**
 * The server as a newcomer runs it: its own process on an embedded data directory. One
 * process at a time may hold that directory; the CLI says so politely instead of corrupting it.
 */
describe('the server on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-'));
  const env = { LIAISON_DATA_DIR: dataDir, LIAISON_ADMIN_PASSWORD: 'first-admin-password', LIAISON_DEMO: '1', LIAISON_DEMO_PASSWORD: 'demo-password-1', DATABASE_URL: '' };
  let server: Awaited<ReturnType<typeof startServerProcess>>;

  beforeAll(async () => {
    server = await startServerProcess(env);
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the API with the reference data and the demo accounts', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    expect((await (await fetch(`${base}/api/v1/agreements`)).json()).length).toBe(5);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'hk-fhb-approver', password: 'demo-password-1' }),
    });
    expect(login.status).toBe(200);
    // Named as colleagues write it: Hong Kong in Traditional, Guangdong in Simplified.
    expect((await login.json()).user).toMatchObject({ roles: ['approver'], displayName: '食物及衞生局批核人員', title: '批核人員 Approving Officer' });
    const gd = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gd-fsco-officer', password: 'demo-password-1' }) });
    expect((await gd.json()).user.displayName).toMatch(/^广东省.*联络员$/);
    const admin = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hk-fhb-admin', password: 'demo-password-1' }) });
    expect((await admin.json()).user.roles).toEqual(['unit_admin']);
    const openapi = await (await fetch(`${base}/api/openapi.json`)).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/agreements/{id}', '/api/v1/search']));
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
  });

  it('refuses a second process on the same data directory with a clear message', async () => {
    const second = runCli(['audit', 'verify'], env);
    expect(second.status).toBe(2);
    expect(second.output).toContain('is in use by process');
    expect(second.output).toContain(String(server.child.pid));
  });

  it('verifies the audit trail once the server has stopped, and restarting changes nothing', async () => {
    await server.stop();
    const first = runCli(['audit', 'verify'], env);
    expect(first.status, first.output).toBe(0);
    const entries = Number(first.output.match(/OK: (\d+) audit entries/)![1]);
    expect(entries).toBeGreaterThan(10);

    server = await startServerProcess(env);
    await server.stop();
    const second = runCli(['audit', 'verify'], env);
    expect(second.output).toContain(`OK: ${entries} audit entries`);
  });

  it('writes a backup of the embedded database', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const result = runCli(['backup', file], env);
    expect(result.status, result.output).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
  });
});
