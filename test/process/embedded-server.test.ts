import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { runCli, startServerProcess } from '../support/processes.ts';
import { engines } from '../support/harness.ts';

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

  it('refuses to verify where there is no Liaison database, and creates none there', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-wrong-'));
    try {
      // A wrong LIAISON_DATA_DIR, the key and checkpoints named where they are.
      const anchored = { LIAISON_AUDIT_KEY_FILE: path.join(dataDir, 'audit-key'), LIAISON_AUDIT_CHECKPOINT_FILE: path.join(dataDir, 'audit-checkpoints.jsonl') };
      const wrongDir = runCli(['audit', 'verify'], { ...env, ...anchored, LIAISON_DATA_DIR: elsewhere });
      expect(wrongDir.status, wrongDir.output).toBe(2);
      expect(wrongDir.output).toContain(`there is no embedded database in ${elsewhere}`);
      expect(wrongDir.output).not.toContain('OK');
      // Run from another folder with nothing configured: no key there either.
      const nothing = runCli(['audit', 'verify'], { ...env, LIAISON_DATA_DIR: elsewhere });
      expect(nothing.status, nothing.output).toBe(2);
      expect(nothing.output).toContain('audit key file');
      expect(fs.readdirSync(elsewhere)).toEqual([]);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('verifies against the checkpoint file the server keeps beside its data, and fails when it is gone', async () => {
    expect(fs.readFileSync(path.join(dataDir, 'audit-key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect((fs.statSync(path.join(dataDir, 'audit-key')).mode & 0o777).toString(8)).toBe('600');
    const ok = runCli(['audit', 'verify'], env);
    expect(ok.output).toMatch(/OK: \d+ audit entries verify, up to the checkpoint of \S+ \(link \d+\)/);
    const moved = runCli(['audit', 'verify'], { ...env, LIAISON_AUDIT_CHECKPOINT_FILE: path.join(dataDir, 'nowhere.jsonl') });
    expect(moved.status, moved.output).toBe(2);
    expect(moved.output).toContain('there is no checkpoint file');
  });

  it('writes a backup of the embedded database', async () => {
    const file = path.join(dataDir, 'backup.tar.gz');
    const result = runCli(['backup', file], env);
    expect(result.status, result.output).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);
  });
});

/** `liaison audit verify` pointed at a PostgreSQL database that is not Liaison's (with TEST_DATABASE_URL). */
describe.each(engines.filter((engine) => engine === 'postgres'))('the CLI on %s', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-'));
  beforeAll(() => {
    // The key and checkpoints of some Liaison: verification must still find no Liaison data in the database.
    fs.writeFileSync(path.join(dataDir, 'audit-key'), `${'ab'.repeat(32)}\n`);
    fs.writeFileSync(path.join(dataDir, 'audit-checkpoints.jsonl'), '');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to verify a PostgreSQL database that holds no Liaison data, and creates nothing in it', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL!);
    const name = `liaison_empty_${process.pid}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(base);
      url.pathname = `/${name}`;
      const empty = runCli(['audit', 'verify'], { LIAISON_DATA_DIR: dataDir, DATABASE_URL: url.toString() });
      expect(empty.status, empty.output).toBe(2);
      expect(empty.output).toContain('holds no Liaison data');
      const inside = new pg.Client({ connectionString: url.toString() });
      await inside.connect();
      const created = await inside.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
      await inside.end();
      expect(created.rows[0].n).toBe(0);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
