import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/processes.ts';
import { boxed, loggerOptions, readyUrl } from '../../src/server/start-up-messages.ts';

/**
 * A first start as a newcomer makes it: no password chosen, output to a pipe (as under a
 * service manager). It says what it does, prints the one-time password in a box after start-up,
 * logs requests as JSON lines and does not log health checks.
 */
describe('the first start', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-first-'));
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  let base: string;

  beforeAll(async () => {
    server = await startServerProcess({ LIAISON_DATA_DIR: dataDir, LIAISON_ADMIN_PASSWORD: '', LIAISON_DEMO: '', DATABASE_URL: '', LOG_LEVEL: 'info' });
    base = `http://127.0.0.1:${server.port}`;
    // The last lines come right after listening; wait for them rather than for a time.
    while (!server.output().includes('Liaison is ready at')) await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says what it is doing and where it is ready, and boxes the one-time password, which works', async () => {
    const output = server.output();
    expect(output).toContain(`Liaison: opening the embedded database in ${dataDir}…`);
    expect(output).toContain(`Liaison is ready at http://127.0.0.1:${server.port}`);
    const box = output.match(/┌─+┐\n([\s\S]*?)\n└─+┘/);
    expect(box, output).not.toBeNull();
    const password = box![1].match(/password:\s+(\S+)/)![1];
    // The box comes after the start-up log lines, so it is not scrolled away by them.
    expect(output.indexOf('┌')).toBeGreaterThan(output.lastIndexOf('"msg":"ready at'));
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    expect(login.status).toBe(200);
  });

  it('logs requests as JSON lines when its output is not a terminal, but not health checks', async () => {
    for (let i = 0; i < 5; i++) expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/agreements`)).status).toBe(200);
    // A request's log line is written when it completes; look for it until it is there.
    const lines = async () => {
      for (;;) {
        const logged = server.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
        if (logged.some((l) => l.req?.url === '/api/v1/agreements')) return logged;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const logged = await lines();
    expect(logged.filter((l) => l.req?.url === '/healthz')).toEqual([]);
    expect(logged.some((l) => l.req?.url === '/api/v1/agreements' && l.level === 30)).toBe(true);
  });
});

describe('start-up messages', () => {
  it('are pretty on a terminal and JSON otherwise', () => {
    expect(loggerOptions({ level: 'info', tty: false })).toEqual({ level: 'info', stream: process.stdout });
    const pretty = loggerOptions({ level: 'info', tty: true }).stream;
    expect(pretty).not.toBe(process.stdout);
    expect(typeof pretty.write).toBe('function');
  });

  it('box lines of any width, Chinese counted double', () => {
    expect(boxed(['ab', '管理員']).split('\n')).toEqual(['┌────────┐', '│ ab     │', '│ 管理員 │', '└────────┘']);
  });

  it('name the address to open', () => {
    expect(readyUrl('0.0.0.0', 3000)).toBe('http://localhost:3000');
    expect(readyUrl('127.0.0.1', 8080)).toBe('http://127.0.0.1:8080');
  });
});
