import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestPostgres, PostgresUnreachableError, testPostgresUrl } from '../support/postgres.ts';
import { freePort, repoRoot } from '../support/processes.ts';

/** What vitest.config.ts decides, read by a fresh process with the given TEST_DATABASE_URL. */
function suiteConfig(testDatabaseUrl: string | undefined) {
  const env = { ...process.env };
  delete env.TEST_DATABASE_URL;
  if (testDatabaseUrl !== undefined) env.TEST_DATABASE_URL = testDatabaseUrl;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', "const { default: c } = await import('./vitest.config.ts'); console.log('EXCLUDE ' + JSON.stringify(c.test.exclude));"],
    { cwd: repoRoot, env, encoding: 'utf8', timeout: 60_000 },
  );
  expect(result.status, result.stderr).toBe(0);
  const exclude = JSON.parse(result.stdout.split('EXCLUDE ')[1]) as string[];
  return { exclude, output: result.stdout };
}

describe("the suite's PostgreSQL guard (npm test on a machine with only Node and Chromium)", () => {
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => void sockets.push(socket));
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('leaves the PostgreSQL-only tests out when TEST_DATABASE_URL is unset, and says so in the output', () => {
    expect(testPostgresUrl({})).toBeNull();
    expect(testPostgresUrl({ TEST_DATABASE_URL: '  ' })).toBeNull();
    const { exclude, output } = suiteConfig(undefined);
    expect(exclude).toContain('test/reliability/**');
    expect(output).toMatch(/kill -9 reliability test .*left out, it needs PostgreSQL; set TEST_DATABASE_URL/);
  });

  it('runs them when TEST_DATABASE_URL is set', () => {
    const { exclude, output } = suiteConfig('postgres://postgres@127.0.0.1:5432/postgres');
    expect(exclude).not.toContain('test/reliability/**');
    expect(output).not.toMatch(/left out/);
  });

  it('fails at once with a message that says what to do when nothing listens on the port', async () => {
    const port = await freePort();
    const url = `postgres://postgres:secret@127.0.0.1:${port}/postgres`;
    const error = await connectTestPostgres(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresUnreachableError);
    const message = (error as Error).message;
    expect(message).toContain(`postgres://…@127.0.0.1:${port}/postgres`);
    expect(message).not.toContain('secret');
    expect(message).toMatch(/ECONNREFUSED/);
    expect(message).toMatch(/Start PostgreSQL or unset TEST_DATABASE_URL/);
  });

  it('gives up after its connection timeout, not hanging, when the port accepts but never answers', async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    const error = await connectTestPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`, 200).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostgresUnreachableError);
    expect((error as Error).message).toMatch(/timeout/i);
  });
});
