/**
 * Send → recipient's inbox across two Liaison nodes (Hong Kong and Guangdong, each its own server
 * process and PostgreSQL database, anchors exchanged), beside the same on one node for both
 * parties, in the same run, at a steady rate.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/federation.ts
 *
 * Each send: the Hong Kong approver's POST …/approve on the Hong Kong node, timed from the moment
 * the send was scheduled until the notification is in the Guangdong node's database (one watcher
 * asks it every 2 ms for all sends outstanding; the last one is then checked in the Guangdong
 * officer's inbox listing through the API). Knobs: BENCH_SEND_RATE (50),
 * BENCH_SEND_SECONDS (20), BENCH_WARMUP (100). Target: p99 ≤ 100 ms across nodes.
 * Results and their history: bench/federation.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const RATE = Number(process.env.BENCH_SEND_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 100);
const PASSWORD = 'bench demo password';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error('bench/federation.ts needs DATABASE_URL (a PostgreSQL server where it may create and drop databases).');
  process.exit(64);
}

async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const databases: string[] = [];
async function createDatabase() {
  const name = `liaison_bench_fed_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  databases.push(name);
  const url = new URL(baseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}
async function dropDatabases() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  for (const name of databases) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

type NodeSetup = { name: string; parties: string; port: number; env: NodeJS.ProcessEnv };
async function nodeSetup(name: string, parties: string): Promise<NodeSetup> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: await createDatabase(),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LIAISON_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-fed-')),
    LIAISON_NODE_NAME: name,
    LIAISON_NODE_PARTIES: parties,
    LIAISON_NODE_URL: `http://127.0.0.1:${port}`,
    LIAISON_DEMO: '1',
    LIAISON_DEMO_PASSWORD: PASSWORD,
    LIAISON_ADMIN_PASSWORD: PASSWORD,
  };
  return { name, parties, port, env };
}

function cli(node: NodeSetup, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/liaison.ts', ...args], { cwd: root, env: node.env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${node.name}: liaison ${args.join(' ')}: ${result.stdout}${result.stderr}`);
}

async function start(node: NodeSetup) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env: node.env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (stderr += chunk));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${node.port}`;
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${node.name} exited: ${stderr}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (tries > 600) throw new Error(`${node.name} did not start: ${stderr}`);
    await sleep(100);
  }
  return {
    base,
    stderr: () => stderr,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function logIn(base: string, username: string) {
  const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`log-in ${username}: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0];
}

async function call(base: string, cookie: string, method: string, url: string, body?: object) {
  const response = await fetch(`${base}/api/v1${url}`, { method, headers: { cookie, origin: base, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = (await response.json().catch(() => null)) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const figures = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)! };
};
const ms = (x: number) => (x < 100 ? x.toFixed(1) : x.toFixed(0));

/** Drafts submitted beforehand on the sending node, then sent at a steady rate; each timed until it is in the recipient's inbox. */
async function run(label: string, sender: string, receiver: string, receiverDatabase: string) {
  const officer = await logIn(sender, 'hk-fhb-officer');
  const approver = await logIn(sender, 'hk-fhb-approver');
  const recipient = await logIn(receiver, 'gd-fsco-officer');
  const units = (await call(sender, officer, 'GET', '/units')) as unknown as { code: string; id: string }[] | { items: { code: string; id: string }[] };
  const fsco = (Array.isArray(units) ? units : units.items).find((u) => u.code === 'gd-fsco')!;
  const total = WARMUP + RATE * SECONDS;
  log(`${label}: preparing ${total} submitted drafts …`);
  const ids: string[] = [];
  for (let i = 0; i < total; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, total - i) }, async (_, k) => {
        const draft = await call(sender, officer, 'POST', '/notifications', {
          recipientUnitId: fsco.id,
          category: 'monitoring_result',
          classification: 'alert',
          riskDecision: 'serious',
          basis: 'border_control',
          script: 'zh-Hant',
          text: { title: `冷凍蝦仁驗出孔雀石綠 ${i + k}`, scope: '一批供港冷凍蝦仁在邊境抽驗中驗出孔雀石綠。', measures: '已封存該批產品。', attention: '請跟進有關養殖場。' },
          summaryEn: 'Benchmark notification',
          products: [{ name: '冷凍蝦仁' }],
          hazards: [{ agent: '孔雀石綠' }],
          distribution: [],
          customsChannel: false,
        });
        await call(sender, officer, 'POST', `/notifications/${draft.id}/submit`);
        ids[i + k] = draft.id as string;
      }),
    );
  }
  // One watcher for all sends: the receiving node's database, asked every 2 ms which of the
  // notifications sent and not yet seen are there (a row there is in the recipient's inbox).
  // Polling the inbox API once per send instead floods the receiving node when sends queue up.
  const watcher = new pg.Client({ connectionString: receiverDatabase });
  await watcher.connect();
  const waiting = new Map<string, (at: number) => void>();
  let watching = true;
  const watch = (async () => {
    while (watching) {
      if (waiting.size) {
        const { rows } = await watcher.query<{ id: string }>('select id from notifications where id = any($1::uuid[]) and sent_at is not null', [[...waiting.keys()]]);
        const at = performance.now();
        for (const { id } of rows) {
          waiting.get(id)?.(at);
          waiting.delete(id);
        }
      }
      await sleep(2);
    }
  })();
  let lost = 0;
  const sendOne = async (id: string, scheduled: number, into: number[]) => {
    const seen = new Promise<number>((resolve) => waiting.set(id, resolve));
    await call(sender, approver, 'POST', `/notifications/${id}/approve`);
    const at = await Promise.race([seen, sleep(10_000).then(() => null)]);
    if (at === null) {
      waiting.delete(id);
      lost++;
      return;
    }
    into.push(at - scheduled);
  };
  log(`${label}: ${WARMUP} sends one at a time to warm up …`);
  const warm: number[] = [];
  for (let i = 0; i < WARMUP; i++) await sendOne(ids[i], performance.now(), warm);
  log(`${label}: ${RATE * SECONDS} sends at ${RATE}/s …`);
  const steady: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = WARMUP; i < total; i++) {
    const scheduled = started + ((i - WARMUP) * 1000) / RATE;
    const wait = scheduled - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(sendOne(ids[i], scheduled, steady));
  }
  await Promise.all(pending);
  watching = false;
  await watch;
  await watcher.end();
  // What the watcher saw is what the recipient's inbox lists: the newest, through the API.
  const inbox = (await call(receiver, recipient, 'GET', '/notifications?box=inbox&limit=50')) as { items: { id: string }[] };
  if (!inbox.items.some((n) => n.id === ids[total - 1])) throw new Error('the last notification sent is not in the recipient’s inbox listing');
  return { oneAtATime: figures(warm.slice(-50)), steady: figures(steady), lost };
}

const single = await nodeSetup('Liaison', '');
const hk = await nodeSetup('Hong Kong node', 'HK');
const gd = await nodeSetup('Guangdong node', 'GD');
let stops: (() => Promise<void>)[] = [];
process.on('SIGINT', () => void Promise.all(stops.map((stop) => stop())).then(() => process.exit(130)));
try {
  log('exchanging anchors …');
  const hkAnchor = path.join(hk.env.LIAISON_DATA_DIR!, 'anchor.json');
  const gdAnchor = path.join(gd.env.LIAISON_DATA_DIR!, 'anchor.json');
  cli(hk, ['exchange', 'export-anchor', hkAnchor]);
  cli(gd, ['exchange', 'export-anchor', gdAnchor]);
  cli(hk, ['exchange', 'import-anchor', gdAnchor]);
  cli(gd, ['exchange', 'import-anchor', hkAnchor]);
  const one = await start(single);
  stops.push(one.stop);
  const singleResult = await run('one node', one.base, one.base, single.env.DATABASE_URL!);
  stops = [];
  await one.stop();
  const [hkServer, gdServer] = [await start(hk), await start(gd)];
  stops.push(hkServer.stop, gdServer.stop);
  const twoResult = await run('two nodes', hkServer.base, gdServer.base, gd.env.DATABASE_URL!);
  if (twoResult.lost) {
    const db = new pg.Client({ connectionString: hk.env.DATABASE_URL });
    await db.connect();
    const outbox = await db.query(`select status, count(*)::int, min(attempts) as min_attempts, max(attempts) as max_attempts, max(last_error) as last_error, min(next_attempt_at) as next from exchange_messages group by status`);
    log(`Hong Kong node's outbox: ${JSON.stringify(outbox.rows)}`);
    await db.end();
  }
  if (twoResult.lost) log(`Hong Kong node's errors:\n${hkServer.stderr().slice(-3000)}\nGuangdong node's errors:\n${gdServer.stderr().slice(-3000)}`);
  const load = os.loadavg()[0];
  console.log(`\nsend → recipient's inbox (approve on the sender's node until the notification is in the recipient node's database), PostgreSQL, ${os.cpus().length} cores, load average ${load.toFixed(1)}\n`);
  console.log('| | one at a time p50 | steady n | p50 | p95 | p99 | max | not in the inbox within 10 s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const [label, r] of [['one node for both parties', singleResult], ['two nodes (Hong Kong → Guangdong)', twoResult]] as const) {
    console.log(`| ${label} | ${ms(r.oneAtATime.p50)} | ${r.steady.n} @${RATE}/s | ${ms(r.steady.p50)} | ${ms(r.steady.p95)} | ${ms(r.steady.p99)} | ${ms(r.steady.max)} | ${r.lost} |`);
  }
  console.log(`\nTarget across nodes: p99 ≤ 100 ms — ${twoResult.steady.p99 <= 100 ? 'MET' : 'MISSED'} (${ms(twoResult.steady.p99)} ms).`);
} finally {
  for (const stop of stops) await stop().catch(() => {});
  await dropDatabases();
}
