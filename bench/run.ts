/**
 * Liaison benchmark (`npm run bench`): figures, not a test.
 *
 * On the embedded database (in-memory PGlite) and, when DATABASE_URL is set, on PostgreSQL (a
 * fresh database created beside DATABASE_URL and dropped after): builds the app in this
 * process, listens on 127.0.0.1, seeds stored notifications (100 000 by default) with their
 * search index rows, then measures over real HTTP with a keep-alive client (fetch):
 *
 *   (a) send → inbox: from the approver's POST …/approve to the notification's appearance in
 *       the recipient's inbox listing, at a steady 50 sends/s (measured from each send's
 *       scheduled time, so falling behind counts; at most 25 at once, the phase bounded), and
 *       the same one at a time;
 *   (b) the inbox listing, GET /notifications?box=inbox&limit=50;
 *   (c) search, two- and four-character queries in each script, through GET /search and the
 *       inbox q= filter;
 *
 * and, with the same driver, a bare insert and a bare indexed select straight through the db
 * handle, printed as ratios (API op time / bare op time, at the median).
 *
 * While the steady-rate sends run on PostgreSQL, what else the machine does is printed with them
 * (meanwhile.ts): a probe's fdatasync times on the disk of PostgreSQL's data directory and which
 * slow sends overlapped a stall of it, the WAL, checkpoints and autovacuum runs PostgreSQL did,
 * and the CPU other processes used — so a missed target can be told apart: the code, the disk,
 * or a busy machine.
 *
 * Knobs (environment): BENCH_ROWS (100000), BENCH_SEND_RATE (50), BENCH_SEND_SECONDS (20),
 * BENCH_ENGINES (pglite,postgres), BENCH_ANALYZE_PGLITE=1 (VACUUM ANALYZE on PGlite too, as
 * on PostgreSQL), BENCH_EXPLAIN=1 (print the plans of hand-written equivalents of the listing
 * and search queries, without the planner settings the server uses for text search),
 * BENCH_KEEP_DB=1 (keep the PostgreSQL database afterwards, to study its plans with psql),
 * BENCH_CPU_PROFILE=dir (a V8 CPU profile and a sampled allocation profile of sending one at a
 * time, for DevTools), BENCH_INLINE=1 (the steady-rate sends on PostgreSQL against the server in
 * this process, not in a process of its own), BENCH_TRACE=file (each steady-rate send's timings,
 * to file.<engine>.json), BENCH_SERVER_NODE_ARGS="--trace-gc …" and BENCH_SERVER_STDOUT=file
 * (Node options and standard output of the server process; its spawn time is logged, so its
 * --trace-gc times can be set beside the trace's).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { openDatabase, type Database, type Db } from '../src/server/db/open.ts';
import { notifications, referenceCounters, searchDocuments, units, users } from '../src/server/db/schema.ts';
import { hashPassword } from '../src/server/accounts/secrets.ts';
import { ensureAdmin } from '../src/server/accounts/bootstrap.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { readConfig } from '../src/server/platform/config.ts';
import type { Context } from '../src/server/platform/context.ts';
import { loadProgressData } from '../src/server/progress/load-progress.ts';
import { loadReferenceData } from '../src/server/reference/load-reference.ts';
import { documentTokens, queryExpression } from '../src/server/search/normalise.ts';
import { backgroundWork, describeBackgroundWork, describeOtherLoad, probeFolder, processCpu, processCpuMs, startDiskProbe, stallsDuring } from './meanwhile.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const SEND_RATE = Number(process.env.BENCH_SEND_RATE ?? 50);
const SEND_SECONDS = Number(process.env.BENCH_SEND_SECONDS ?? 20);
/** A server that cannot keep the rate gets at most this many sends at once … */
const SEND_MAX_IN_FLIGHT = 25;
/** … and the send phase ends this long after its scheduled end, whatever is left. */
const SEND_OVERRUN_MS = 20_000;
const PASSWORD = 'bench password 12345';
const SEARCH_QUERIES = ['香港', '食品', '孔雀石綠', '孔雀石绿', '冷凍蝦仁', '冷冻虾仁'];
/** Targets on PostgreSQL. */
const TARGETS = { sendToInboxP99: 50, inboxP95: 20, searchP95: 50 };

/** The rows of db.execute's answer (both drivers answer { rows }). */
const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Statistics

type Stats = { n: number; p50: number; p95: number; p99: number; max: number };
function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
  return { n: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted.at(-1) ?? NaN };
}
const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '—');

/** Runs op sequentially: warm-up, then n times or until the time budget is spent (at least minN). */
async function measure(op: () => Promise<unknown>, options: { n: number; warmup?: number; budgetMs?: number; minN?: number }) {
  for (let i = 0; i < (options.warmup ?? 5); i++) await op();
  const samples: number[] = [];
  const deadline = performance.now() + (options.budgetMs ?? 15_000);
  for (let i = 0; i < options.n; i++) {
    if (i >= (options.minN ?? 10) && performance.now() > deadline) break;
    const t0 = performance.now();
    await op();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

// ---------------------------------------------------------------------------------------------
// Realistic notification text, in both scripts ([Traditional, Simplified, English])

type Word = [string, string, string];
const products: Word[] = [
  ['冷凍蝦仁', '冷冻虾仁', 'frozen shrimp'],
  ['鮮活水產品', '鲜活水产品', 'live aquatic products'],
  ['冰鮮雞', '冰鲜鸡', 'chilled chicken'],
  ['豬肉', '猪肉', 'pork'],
  ['牛奶', '牛奶', 'milk'],
  ['嬰兒配方奶粉', '婴儿配方奶粉', 'infant formula'],
  ['菜心', '菜心', 'choy sum'],
  ['大閘蟹', '大闸蟹', 'hairy crab'],
  ['桂花魚', '桂花鱼', 'mandarin fish'],
  ['多寶魚', '多宝鱼', 'turbot'],
  ['月餅', '月饼', 'mooncakes'],
  ['花生油', '花生油', 'peanut oil'],
  ['蜂蜜', '蜂蜜', 'honey'],
  ['雞蛋', '鸡蛋', 'eggs'],
  ['冷凍牛肉', '冷冻牛肉', 'frozen beef'],
  ['米粉', '米粉', 'rice vermicelli'],
  ['腐竹', '腐竹', 'dried bean curd sticks'],
  ['粽子', '粽子', 'rice dumplings'],
  ['臘腸', '腊肠', 'preserved sausages'],
  ['烏龍茶', '乌龙茶', 'oolong tea'],
  ['荔枝', '荔枝', 'lychees'],
  ['生蠔', '生蚝', 'oysters'],
  ['鹹魚', '咸鱼', 'salted fish'],
  ['豆腐', '豆腐', 'tofu'],
  ['冷凍雞翼', '冷冻鸡翅', 'frozen chicken wings'],
];
const hazards: Word[] = [
  ['孔雀石綠', '孔雀石绿', 'malachite green'],
  ['硝基呋喃代謝物', '硝基呋喃代谢物', 'nitrofuran metabolites'],
  ['沙門氏菌', '沙门氏菌', 'Salmonella'],
  ['李斯特菌', '李斯特菌', 'Listeria monocytogenes'],
  ['瘦肉精', '瘦肉精', 'clenbuterol'],
  ['蘇丹紅', '苏丹红', 'Sudan dyes'],
  ['三聚氰胺', '三聚氰胺', 'melamine'],
  ['二氧化硫', '二氧化硫', 'sulphur dioxide'],
  ['鎘', '镉', 'cadmium'],
  ['鉛', '铅', 'lead'],
  ['黃曲霉毒素', '黄曲霉毒素', 'aflatoxins'],
  ['諾如病毒', '诺如病毒', 'norovirus'],
  ['甲醛', '甲醛', 'formaldehyde'],
  ['氯黴素', '氯霉素', 'chloramphenicol'],
  ['大腸桿菌', '大肠杆菌', 'E. coli'],
  ['副溶血性弧菌', '副溶血性弧菌', 'Vibrio parahaemolyticus'],
  ['農藥殘留', '农药残留', 'pesticide residues'],
  ['甜蜜素', '甜蜜素', 'cyclamate'],
  ['恩諾沙星', '恩诺沙星', 'enrofloxacin'],
  ['孔雀石綠及隱色孔雀石綠', '孔雀石绿及隐色孔雀石绿', 'malachite green and leucomalachite green'],
];
const places: Word[] = [
  ['香港', '香港', 'Hong Kong'],
  ['深圳', '深圳', 'Shenzhen'],
  ['廣州', '广州', 'Guangzhou'],
  ['湛江', '湛江', 'Zhanjiang'],
  ['佛山', '佛山', 'Foshan'],
  ['東莞', '东莞', 'Dongguan'],
  ['珠海', '珠海', 'Zhuhai'],
  ['中山', '中山', 'Zhongshan'],
  ['江門', '江门', 'Jiangmen'],
  ['汕頭', '汕头', 'Shantou'],
  ['茂名', '茂名', 'Maoming'],
  ['惠州', '惠州', 'Huizhou'],
  ['肇慶', '肇庆', 'Zhaoqing'],
  ['新界', '新界', 'New Territories'],
  ['九龍', '九龙', 'Kowloon'],
  ['元朗', '元朗', 'Yuen Long'],
  ['文錦渡', '文锦渡', 'Man Kam To'],
  ['皇崗', '皇岗', 'Huanggang'],
];
const sites: Word[] = [
  ['口岸', '口岸', 'boundary control point'],
  ['批發市場', '批发市场', 'wholesale market'],
  ['零售點', '零售点', 'retail outlets'],
  ['養殖場', '养殖场', 'farms'],
  ['進口商', '进口商', 'importers'],
  ['生產企業', '生产企业', 'manufacturers'],
  ['超級市場', '超级市场', 'supermarkets'],
];
const standards: Word[] = [
  ['《食物內除害劑殘餘規例》', '《食物内除害剂残余规例》', 'the Pesticide Residues in Food Regulation'],
  ['國家食品安全標準', '国家食品安全标准', 'the national food safety standard'],
  ['法定限量', '法定限量', 'the legal limit'],
  ['《食物內有害物質規例》', '《食物内有害物质规例》', 'the Harmful Substances in Food Regulations'],
];
const measuresText: Word[] = [
  ['已封存涉事批次，並通知進口商停止銷售及回收。', '已封存涉事批次，并通知进口商停止销售及召回。', ''],
  ['已暫停有關養殖場的供港資格，並加強出口前檢驗。', '已暂停有关养殖场的供港资格，并加强出口前检验。', ''],
  ['已責令生產企業召回問題產品，並立案調查。', '已责令生产企业召回问题产品，并立案调查。', ''],
  ['已向市民發出食物警報，並追查產品來源及分銷情況。', '已向市民发出食物警报，并追查产品来源及分销情况。', ''],
  ['已加強對同類食品的抽樣檢測，暫未發現其他問題批次。', '已加强对同类食品的抽样检测，暂未发现其他问题批次。', ''],
];
const attentionText: Word[] = [
  ['請跟進有關出口商及養殖場，並通報調查結果。', '请跟进有关出口商及养殖场，并通报调查结果。', ''],
  ['請協助追查產品在內地的分銷情況。', '请协助追查产品在内地的分销情况。', ''],
  ['請關注在香港銷售的同類產品。', '请关注在香港销售的同类产品。', ''],
  ['如有發現，請及時通報食品安全辦公室。', '如有发现，请及时通报食品安全办公室。', ''],
  ['請提供有關企業的註冊資料及檢測報告。', '请提供有关企业的注册资料及检测报告。', ''],
];
const categories = ['monitoring_result', 'monitoring_result', 'recall_special_action', 'major_incident', 'investigation_conclusion', 'policy_regulation_standard'];
const classifications = ['alert', 'follow_up', 'follow_up', 'attention', 'news'];
const bases = ['official_control', 'border_control', 'monitoring_programme', 'consumer_complaint', 'own_check', 'food_poisoning', 'media_report'];

/** A small deterministic generator, so that every run seeds the same text. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Text = { title: string; scope: string; measures: string; attention: string };

/** One notification's contents in both scripts, with English summary, products and hazards. */
function composeNotification(random: () => number, fromHongKong: boolean) {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const product = pick(products);
  const hazard = pick(hazards);
  const place = fromHongKong ? pick(places.filter((p) => ['香港', '新界', '九龍', '元朗', '文錦渡'].includes(p[0]))) : pick(places);
  const site = pick(sites);
  const standard = pick(standards);
  const measures = pick(measuresText);
  const attention = pick(attentionText);
  const samples = 5 + Math.floor(random() * 60);
  const bad = 1 + Math.floor(random() * Math.min(samples, 5));
  const value = (random() * 20).toFixed(1);
  const supply = random() < 0.5 ? ['供港', '供港', 'supplied to Hong Kong'] : ['進口', '进口', 'imported'];
  const text = (k: 0 | 1): Text => ({
    title: k === 0 ? `${place[0]}${site[0]}${product[0]}驗出${hazard[0]}` : `${place[1]}${site[1]}${product[1]}检出${hazard[1]}`,
    scope:
      k === 0
        ? `${place[0]}${site[0]}抽驗${samples}個${supply[0]}${product[0]}樣本，其中${bad}個驗出${hazard[0]}，含量為每公斤${value}微克，超出${standard[0]}。`
        : `${place[1]}${site[1]}抽检${samples}个${supply[1]}${product[1]}样本，其中${bad}个检出${hazard[1]}，含量为每公斤${value}微克，超出${standard[1]}。`,
    measures: measures[k],
    attention: attention[k],
  });
  return {
    hant: text(0),
    hans: text(1),
    summaryEn: `${hazard[2][0].toUpperCase()}${hazard[2].slice(1)} in ${product[2]} ${supply[2]} (${place[2]}, ${site[2]})`,
    products: [{ name: product[fromHongKong ? 0 : 1], category: null, brand: null, lot: `L${Math.floor(random() * 1e8)}`, origin: place[fromHongKong ? 0 : 1], hsCode: '0306.17' }],
    hazards: [{ agent: hazard[fromHongKong ? 0 : 1], result: value, unit: 'µg/kg', limit: '0' }],
    distribution: [{ area: place[fromHongKong ? 0 : 1], details: site[fromHongKong ? 0 : 1] }],
    category: pick(categories),
    classification: pick(classifications),
    basis: pick(bases),
  };
}

// ---------------------------------------------------------------------------------------------
// Seeding

type Unit = { id: string; code: string; partyCode: string };
type Parties = { fhb: Unit; fsco: Unit; users: Record<'hkOfficer' | 'hkApprover' | 'gdOfficer' | 'gdApprover', string> };

/** The search document indexNotification would write, as a row for a bulk insert. */
function searchRow(n: typeof notifications.$inferInsert & { id: string }, now: Date) {
  const text = n.authoritativeScript === 'zh-Hant' ? n.textHant : n.textHans;
  const title = { 'zh-Hant': n.textHant.title, 'zh-Hans': n.textHans.title, en: n.summaryEn?.slice(0, 200) || n.textHant.title };
  const body = [
    n.reference ?? '',
    text.scope,
    text.measures,
    text.attention,
    n.summaryEn ?? '',
    ...n.products.map((p) => [p.name, p.brand, p.lot, p.hsCode].filter(Boolean).join(' ')),
    ...n.hazards.map((h) => h.agent ?? ''),
  ].join('\n');
  const tokens = documentTokens([title['zh-Hant'], title.en, body].join('\n'));
  return {
    kind: 'notification',
    refId: n.id,
    title,
    body,
    url: `/notifications/${n.id}`,
    visibility: 'units',
    unitIds: n.sentAt ? [n.senderUnitId, n.recipientUnitId] : [n.senderUnitId],
    partyCodes: [],
    date: (n.sentAt ?? n.createdAt).toISOString().slice(0, 10),
    tokens: sql`to_tsvector('simple', ${tokens})` as unknown as string,
    updatedAt: now,
  };
}

type NotificationInsert = typeof notifications.$inferInsert & { id: string };

/** A notification row from one unit to the other: sent (with its reference and later status), or a draft awaiting approval. */
function notificationRow(random: () => number, parties: Parties, fromHongKong: boolean, sent: { sentAt: Date; reference: string; now: number } | null): NotificationInsert {
  const sender = fromHongKong ? parties.fhb : parties.fsco;
  const recipient = fromHongKong ? parties.fsco : parties.fhb;
  const c = composeNotification(random, fromHongKong);
  const common = {
    id: randomUUID(),
    agreementCode: 'food-safety',
    senderUnitId: sender.id,
    recipientUnitId: recipient.id,
    category: c.category,
    classification: c.classification,
    riskDecision: random() < 0.6 ? 'serious' : 'not_serious',
    basis: c.basis,
    authoritativeScript: fromHongKong ? 'zh-Hant' : 'zh-Hans',
    textHant: c.hant,
    textHans: c.hans,
    summaryEn: c.summaryEn,
    products: c.products,
    hazards: c.hazards,
    distribution: c.distribution,
    relatedIds: [],
    customsChannel: random() < 0.4,
    authorId: fromHongKong ? parties.users.hkOfficer : parties.users.gdOfficer,
  };
  if (!sent) {
    const now = new Date();
    return { ...common, status: 'submitted', createdAt: new Date(now.getTime() - 3_600_000), updatedAt: now, submittedAt: now };
  }
  const { sentAt } = sent;
  const age = sent.now - sentAt.getTime();
  const status = age > 30 * 86_400_000 ? (random() < 0.8 ? 'closed' : 'acknowledged') : random() < 0.5 ? 'acknowledged' : 'sent';
  const createdAt = new Date(sentAt.getTime() - 3_600_000);
  const ackHours = c.classification === 'alert' ? 24 : c.classification === 'follow_up' ? 48 : null;
  return {
    ...common,
    reference: sent.reference,
    status,
    approverId: fromHongKong ? parties.users.hkApprover : parties.users.gdApprover,
    createdAt,
    updatedAt: sentAt,
    submittedAt: new Date(createdAt.getTime() + 1_800_000),
    sentAt,
    receivedAt: new Date(sentAt.getTime() + 600_000),
    acknowledgedAt: status === 'sent' ? null : new Date(sentAt.getTime() + 7_200_000),
    closedAt: status === 'closed' ? new Date(sentAt.getTime() + 14 * 86_400_000) : null,
    ackDueAt: ackHours ? new Date(sentAt.getTime() + ackHours * 3_600_000) : null,
  };
}

/** Inserts rows in batches of 500 (with their search index rows), ten batches per transaction. */
async function insertInBatches(db: Db, count: number, make: (i: number) => NotificationInsert, progress?: (done: number, ms: number) => void) {
  const batchSize = 500;
  const batchesPerTransaction = 10;
  const started = performance.now();
  let done = 0;
  while (done < count) {
    await db.transaction(async (tx) => {
      for (let b = 0; b < batchesPerTransaction && done < count; b++) {
        const batch: NotificationInsert[] = [];
        for (let i = 0; i < batchSize && done < count; i++, done++) batch.push(make(done));
        await tx.insert(notifications).values(batch);
        const indexedAt = new Date();
        await tx.insert(searchDocuments).values(batch.map((n) => searchRow(n, indexedAt)));
      }
    });
    progress?.(done, performance.now() - started);
  }
  return performance.now() - started;
}

/** Inserts `rows` stored notifications (sent over the last three years, both directions) with their search rows. */
async function seed(db: Db, parties: Parties, rows: number) {
  const random = rng(20150909);
  const now = Date.now();
  const span = 3 * 365 * 24 * 3_600_000;
  const counters = new Map<string, number>();
  let lastLogged = 0;
  const elapsed = await insertInBatches(
    db,
    rows,
    (i) => {
      const fromHongKong = i % 2 === 0;
      const sentAt = new Date(now - span + Math.floor((i / rows) * (span - 86_400_000)));
      const year = sentAt.getUTCFullYear();
      const prefix = `${(fromHongKong ? parties.fhb : parties.fsco).partyCode}-FS`;
      const number = (counters.get(`${prefix}|${year}`) ?? 0) + 1;
      counters.set(`${prefix}|${year}`, number);
      return notificationRow(random, parties, fromHongKong, { sentAt, reference: `${prefix}-${year}-${String(number).padStart(4, '0')}`, now });
    },
    (done, ms) => {
      if (done - lastLogged >= 20_000 || done === rows) {
        lastLogged = done;
        log(`  seeded ${done} notifications (${(ms / 1000).toFixed(0)} s)`);
      }
    },
  );
  // Reference numbers go on from the seeded ones.
  for (const [key, last] of counters) {
    const [prefix, year] = key.split('|');
    await db
      .insert(referenceCounters)
      .values({ prefix, year: Number(year), last })
      .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`greatest(${referenceCounters.last}, excluded.last)` } });
  }
  return elapsed;
}

/** Starts Liaison as `npm start` does (src/server/main.ts, production settings) on a database, on a free port. */
async function startServerProcess(databaseUrl: string) {
  const port = await new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  log(`  server process spawned at ${Date.now()}`);
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []), '--import', 'tsx', 'src/server/main.ts'], {
    cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LIAISON_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-')) },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'w') : 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server process exited (${child.exitCode}): ${stderr}`);
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    if (performance.now() - started > 60_000) throw new Error(`the server process did not start within 60 s: ${stderr}`);
    await sleep(100);
  }
  log(`  server process ${child.pid} ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * BENCH_CPU_PROFILE=dir: a V8 CPU profile and a sampled allocation profile of a phase (open them
 * in Chrome's DevTools), written to dir/<phase>.cpuprofile and dir/<phase>.heapprofile.
 */
async function startCpuProfile() {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return { stop: async (_phase: string) => {} };
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  return {
    stop: async (phase: string) => {
      const { profile } = await session.post('Profiler.stop');
      const { profile: heap } = await session.post('HeapProfiler.stopSampling');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${phase}.cpuprofile`), JSON.stringify(profile));
      writeFileSync(path.join(dir, `${phase}.heapprofile`), JSON.stringify(heap));
      session.disconnect();
    },
  };
}

/** CPU time the whole machine has spent so far (all cores, /proc/stat), in ms; null where there is no /proc. */
function machineCpuMs(): number | null {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return ((user + nice + system + irq + softirq + steal) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Statements sent through node-postgres (the app's PostgreSQL driver), counted to show round trips per operation. */
const statements = { total: 0, approve: 0, listing: 0 };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements.total++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

// ---------------------------------------------------------------------------------------------
// HTTP client (fetch: undici with keep-alive)

function client(base: string) {
  let connectionRetries = 0;
  const call = async (method: 'GET' | 'POST', url: string, options: { cookie?: string; body?: object; key?: string } = {}) => {
    // A keep-alive connection the server closed just as it was reused (after a long pause)
    // fails with ECONNRESET: a GET or a POST with an Idempotency-Key is safely sent once more.
    try {
      return await once(method, url, options);
    } catch (error) {
      if (method === 'POST' && !options.key) throw error;
      connectionRetries++;
      return once(method, url, options);
    }
  };
  const once = async (method: 'GET' | 'POST', url: string, options: { cookie?: string; body?: object; key?: string }) => {
    const response = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
        ...(options.key ? { 'idempotency-key': options.key } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  const logIn = async (username: string) => {
    const response = await call('POST', '/auth/login', { body: { username, password: PASSWORD } });
    if (response.status !== 200) throw new Error(`log-in as ${username}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.headers.getSetCookie().find((c) => c.startsWith('liaison_session='))!.split(';')[0];
  };
  const expectOk = async (promise: ReturnType<typeof call>, status = 200) => {
    const response = await promise;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body).slice(0, 400)}`);
    return response.body;
  };
  return { call, logIn, expectOk, retries: () => connectionRetries };
}

// ---------------------------------------------------------------------------------------------
// One engine

type Row = { what: string; stats: Stats; bare?: 'insert' | 'select'; target?: { value: number; of: 'p95' | 'p99' }; note?: string };
type EngineResult = { engine: string; rows: Row[]; facts: string[] };

async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `liaison_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function runEngine(engine: 'pglite' | 'postgres'): Promise<EngineResult> {
  const facts: string[] = [];
  const rows: Row[] = [];
  const push = rows.push.bind(rows);
  rows.push = (...added: Row[]) => {
    for (const r of added) log(`  ${r.what}: p50 ${ms(r.stats.p50)} p95 ${ms(r.stats.p95)} p99 ${ms(r.stats.p99)} ms (n ${r.stats.n})${r.note ? ` ${r.note}` : ''}`);
    return push(...added);
  };
  log(`=== ${engine} ===`);
  let pgDatabase: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
  let database: Database;
  if (engine === 'postgres') {
    pgDatabase = await createPostgresDatabase(process.env.DATABASE_URL!);
    database = await openDatabase({ engine: 'postgres', url: pgDatabase.url });
  } else {
    database = await openDatabase({ engine: 'pglite', dataDir: null });
  }
  const ctx: Context = { db: database.db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'bench-admin-password' } };
  const app = await buildApp(ctx, { serveWeb: false });
  try {
    await loadReferenceData(ctx);
    await loadProgressData(ctx);
    await ensureAdmin(ctx);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const http = client(base);
    const db = database.db;

    // The two units and their four users.
    const unitRows = (await db.select({ id: units.id, code: units.code, partyCode: units.partyCode }).from(units)) as Unit[];
    const fhb = unitRows.find((u) => u.code === 'hk-fhb')!;
    const fsco = unitRows.find((u) => u.code === 'gd-fsco')!;
    const passwordHash = await hashPassword(PASSWORD);
    const makeUser = async (username: string, unit: Unit, role: 'officer' | 'approver') =>
      (await db.insert(users).values({ username, displayName: username, unitId: unit.id, roles: [role], passwordHash }).returning({ id: users.id }))[0].id;
    const parties: Parties = {
      fhb,
      fsco,
      users: {
        hkOfficer: await makeUser('bench-hk-officer', fhb, 'officer'),
        hkApprover: await makeUser('bench-hk-approver', fhb, 'approver'),
        gdOfficer: await makeUser('bench-gd-officer', fsco, 'officer'),
        gdApprover: await makeUser('bench-gd-approver', fsco, 'approver'),
      },
    };
    const cookie = {
      hkOfficer: await http.logIn('bench-hk-officer'),
      hkApprover: await http.logIn('bench-hk-approver'),
      gdOfficer: await http.logIn('bench-gd-officer'),
      gdApprover: await http.logIn('bench-gd-approver'),
    };

    // ---- Seed. ----
    log(`seeding ${ROWS} notifications with their search index rows …`);
    const seedMs = await seed(db, parties, ROWS);
    facts.push(`seeded ${ROWS} notifications + search rows in ${(seedMs / 1000).toFixed(1)} s (${Math.round(ROWS / (seedMs / 1000))} rows/s)`);
    const vacuum = engine === 'postgres' || process.env.BENCH_ANALYZE_PGLITE === '1';
    if (vacuum) {
      const t0 = performance.now();
      await db.execute(sql`vacuum analyze`);
      facts.push(`VACUUM ANALYZE after seeding: ${((performance.now() - t0) / 1000).toFixed(1)} s${engine === 'postgres' ? ' (the steady state autovacuum keeps a PostgreSQL table in)' : ''}`);
      if (engine === 'postgres') {
        // The seeding wrote hundreds of megabytes in a minute, which a database that grew over
        // years never holds unwritten: left to the checkpointer, its writing-out falls on the
        // measured phases, where a commit's WAL flush then waits on the disk (seen: 200 ms).
        const t1 = performance.now();
        try {
          await db.execute(sql`checkpoint`);
          facts.push(`CHECKPOINT after seeding: ${((performance.now() - t1) / 1000).toFixed(1)} s (the seeding's writes on disk before anything is measured)`);
        } catch (error) {
          facts.push(`no CHECKPOINT after seeding (${(error as Error).message}): the seeding's writes may still be going to disk while sends are measured`);
        }
      }
    } else {
      facts.push('no VACUUM/ANALYZE after seeding (PGlite has no autovacuum; BENCH_ANALYZE_PGLITE=1 runs VACUUM ANALYZE to compare)');
    }
    const [{ n: indexed }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from search_documents where kind = 'notification'`));
    facts.push(`search index: ${indexed} notification rows`);
    const [hits] = rowsOf<Record<string, number>>(await db.execute(sql`select count(*) filter (where tokens @@ to_tsquery('simple', '香港')) as hongkong, count(*) filter (where tokens @@ to_tsquery('simple', '食品')) as food, count(*) filter (where tokens @@ to_tsquery('simple', '孔雀 <-> 雀石 <-> 石绿')) as malachite, count(*) filter (where tokens @@ to_tsquery('simple', '冷冻 <-> 冻虾 <-> 虾仁')) as shrimp from search_documents where kind = 'notification'`));
    facts.push(`documents matching: 香港 ${hits.hongkong}, 食品 ${hits.food}, 孔雀石綠 ${hits.malachite}, 冷凍蝦仁 ${hits.shrimp} (each unit sees about half)`);

    // ---- Bare operations through the same driver. ----
    await db.execute(sql`create table bench_bare (id bigserial primary key, ref uuid not null, payload text not null)`);
    const bareInsert = await measure(() => db.execute(sql`insert into bench_bare (ref, payload) values (${randomUUID()}, ${'冷凍蝦仁驗出孔雀石綠'})`), { n: 400, warmup: 20 });
    const someIds = rowsOf<{ id: string }>(await db.execute(sql`select id from notifications order by random() limit 500`)).map((r) => r.id);
    let k = 0;
    const bareSelect = await measure(() => db.execute(sql`select id, reference, status, sent_at from notifications where id = ${someIds[k++ % someIds.length]}`), { n: 400, warmup: 20 });
    rows.push({ what: 'bare insert (1 row, db handle)', stats: bareInsert });
    rows.push({ what: 'bare indexed select (by id, db handle)', stats: bareSelect });

    // ---- (b) Inbox listing. ----
    log('inbox listing …');
    let flip = 0;
    const inbox = await measure(
      async () => {
        const who = flip++ % 2 ? cookie.gdOfficer : cookie.hkOfficer;
        await http.expectOk(http.call('GET', '/notifications?box=inbox&limit=50', { cookie: who }));
      },
      { n: 200, warmup: 10, budgetMs: 10_000 },
    );
    rows.push({ what: 'inbox GET /notifications?box=inbox&limit=50', stats: inbox, bare: 'select', target: engine === 'postgres' ? { value: TARGETS.inboxP95, of: 'p95' } : undefined });
    // The same listing with one item: what the 49 others cost to load, check and serialise.
    const inboxOne = await measure(() => http.expectOk(http.call('GET', '/notifications?box=inbox&limit=1', { cookie: cookie.gdOfficer })), { n: 100, warmup: 5, budgetMs: 5_000 });
    rows.push({ what: '  the same with limit=1', stats: inboxOne, bare: 'select' });

    // ---- (c) Search, through /search and the inbox q= filter. ----
    log('search …');
    for (const q of SEARCH_QUERIES) {
      const encoded = encodeURIComponent(q);
      let total = 0;
      const viaSearch = await measure(
        async () => {
          total = (await http.expectOk(http.call('GET', `/search?q=${encoded}`, { cookie: cookie.gdOfficer }))).total;
        },
        { n: 40, warmup: 3, budgetMs: 5_000 },
      );
      rows.push({ what: `search GET /search?q=${q}`, stats: viaSearch, bare: 'select', target: engine === 'postgres' ? { value: TARGETS.searchP95, of: 'p95' } : undefined, note: `${total} found` });
      let inboxTotal = 0;
      const viaInbox = await measure(
        async () => {
          inboxTotal = (await http.expectOk(http.call('GET', `/notifications?box=inbox&limit=50&q=${encoded}`, { cookie: cookie.gdOfficer }))).total;
        },
        { n: 40, warmup: 3, budgetMs: 5_000 },
      );
      rows.push({ what: `search GET /notifications?box=inbox&q=${q}`, stats: viaInbox, bare: 'select', target: engine === 'postgres' ? { value: TARGETS.searchP95, of: 'p95' } : undefined, note: `${inboxTotal} in inbox` });
    }

    // ---- (a) Send → inbox at a steady rate. ----
    const sends = Math.round(SEND_RATE * SEND_SECONDS);
    const oneAtATime = 100;
    // Sends warm a fresh server process up (its code compiled and optimised) before it is measured.
    const warmUp = 300;
    log(`preparing ${sends + oneAtATime + warmUp} submitted drafts …`);
    const prepared: { id: string; approver: string; recipient: string }[] = [];
    const random = rng(18);
    const prepareMs = await insertInBatches(db, sends + oneAtATime + warmUp, (i) => {
      const fromHongKong = i % 2 === 0;
      const row = notificationRow(random, parties, fromHongKong, null);
      prepared.push({ id: row.id, approver: fromHongKong ? cookie.hkApprover : cookie.gdApprover, recipient: fromHongKong ? cookie.gdOfficer : cookie.hkOfficer });
      return row;
    });
    facts.push(`${sends + oneAtATime + warmUp} submitted drafts (awaiting approval, with their search rows) inserted beforehand in ${(prepareMs / 1000).toFixed(1)} s`);

    log(`send → inbox at ${SEND_RATE}/s for ${SEND_SECONDS} s …`);
    const sendToInbox: number[] = [];
    const approveTimes: number[] = [];
    const startLag: number[] = [];
    const polls: number[] = [];
    let notFound = 0;
    let pushedBelowFirstPage = 0;
    const interval = 1000 / SEND_RATE;
    let runStarted = performance.now();
    const inFlight: Promise<void>[] = [];
    const waiting: (() => void)[] = [];
    let active = 0;
    let errors = 0;
    let firstError = '';
    let notStarted = 0;
    /** BENCH_TRACE=file: each send as [scheduled ms from the phase's start, start lag, approve ms, send → inbox ms, polls]. */
    const trace: number[][] = [];
    const sendOne = async (p: (typeof prepared)[number], scheduled: number, into = { approve: approveTimes, total: sendToInbox }, via = http) => {
      startLag.push(performance.now() - scheduled);
      const t0 = performance.now();
      const before = statements.total;
      const approved = await via.expectOk(via.call('POST', `/notifications/${p.id}/approve`, { cookie: p.approver, key: `bench-approve-${p.id}` }));
      const approveMs = performance.now() - t0;
      into.approve.push(approveMs);
      statements.approve += statements.total - before;
      for (let attempt = 1; ; attempt++) {
        const beforeList = statements.total;
        const list = await via.expectOk(via.call('GET', '/notifications?box=inbox&limit=50', { cookie: p.recipient }));
        statements.listing += statements.total - beforeList;
        const items = list.items as { id: string; sentAt: string }[];
        // Listed, or already pushed below the first page by 50 sent after it (when the server falls behind).
        const pushedDown = items.length === 50 && !items.some((item) => item.id === p.id) && items.at(-1)!.sentAt > approved.sentAt;
        if (pushedDown || items.some((item) => item.id === p.id)) {
          into.total.push(performance.now() - scheduled);
          trace.push([Math.round(scheduled - runStarted), Math.round(t0 - scheduled), Math.round(approveMs), Math.round(performance.now() - scheduled), attempt]);
          polls.push(attempt);
          if (pushedDown) pushedBelowFirstPage++;
          return;
        }
        if (performance.now() - scheduled > 10_000) {
          notFound++;
          return;
        }
        await sleep(2);
      }
    };
    // First one at a time: what a send costs when nothing else is going on.
    const single = { approve: [] as number[], total: [] as number[] };
    const statementsBefore = { ...statements };
    const cpuBefore = { node: process.cpuUsage(), machine: machineCpuMs() };
    const profile = await startCpuProfile();
    for (let i = sends; i < sends + oneAtATime; i++) await sendOne(prepared[i], performance.now(), single);
    await profile.stop(`${engine}-one-at-a-time`);
    if (process.env.BENCH_CPU_PROFILE) facts.push('PROFILED: the one-at-a-time sends ran under the CPU profiler and allocation sampling; their times and CPU are inflated');
    const nodeCpu = process.cpuUsage(cpuBefore.node);
    const machineCpu = machineCpuMs();
    facts.push(
      `CPU per send, one at a time: this process (server and client) ${ms((nodeCpu.user + nodeCpu.system) / 1000 / oneAtATime)} ms` +
        (machineCpu !== null && cpuBefore.machine !== null ? `, the whole machine (with ${engine === 'postgres' ? 'PostgreSQL' : 'PGlite'}) ${ms((machineCpu - cpuBefore.machine) / oneAtATime)} ms` : ''),
    );
    if (engine === 'postgres') {
      const per = (k: keyof typeof statements) => ((statements[k] - statementsBefore[k]) / oneAtATime).toFixed(0);
      facts.push(`SQL statements (round trips to PostgreSQL) per send, one at a time: POST …/approve ${per('approve')}, the recipient's GET /notifications ${per('listing')}`);
    }
    startLag.length = 0;
    polls.length = 0;
    // At a steady rate, on PostgreSQL, the server runs in its own process as `npm start` runs it,
    // so the load this process generates does not queue on the server's event loop.
    const server = engine === 'postgres' && process.env.BENCH_INLINE !== '1' ? await startServerProcess(pgDatabase!.url) : null;
    const steady = server ? client(server.base) : http;
    if (server) {
      const unmeasured = { approve: [] as number[], total: [] as number[] };
      for (let i = sends + oneAtATime; i < sends + oneAtATime + warmUp; i++) await sendOne(prepared[i], performance.now(), unmeasured, steady);
      facts.push(`the server process was warmed up by ${warmUp} sends one at a time (send → inbox p50 ${ms(stats(unmeasured.total.slice(-100)).p50)} ms over the last 100)`);
    }
    const serverCpuBefore = server ? processCpuMs(server.pid) : null;
    // On PostgreSQL, the disk and the database's background work are watched meanwhile.
    const probeAt = engine === 'postgres' ? await probeFolder(db) : null;
    const diskProbe = probeAt ? startDiskProbe(probeAt.folder) : null;
    const workBefore = engine === 'postgres' ? await backgroundWork(db) : null;
    const cpuOfAllBefore = processCpu();
    runStarted = performance.now();
    for (let i = 0; i < sends; i++) {
      const scheduled = runStarted + i * interval;
      const wait = scheduled - performance.now();
      if (wait > 0) await sleep(wait);
      // A server that falls behind gets at most SEND_MAX_IN_FLIGHT sends at once; the wait for a
      // slot counts in the latency (measured from the scheduled time), and the phase is bounded.
      while (active >= SEND_MAX_IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
      if (performance.now() - runStarted > SEND_SECONDS * 1000 + SEND_OVERRUN_MS) {
        notStarted = sends - i;
        break;
      }
      active++;
      inFlight.push(
        sendOne(prepared[i], scheduled, undefined, steady)
          .catch((error) => {
            errors++;
            firstError ||= String((error as Error).cause ?? error);
          })
          .finally(() => {
            active--;
            waiting.shift()?.();
          }),
      );
    }
    await Promise.all(inFlight);
    const phaseSeconds = (performance.now() - runStarted) / 1000;
    facts.push(describeOtherLoad(cpuOfAllBefore, processCpu(), [process.pid, ...(server ? [server.pid] : [])], phaseSeconds));
    if (diskProbe) {
      facts.push(describeBackgroundWork(workBefore, await backgroundWork(db), phaseSeconds));
      facts.push(describeDisk(await diskProbe.stop(), probeAt!.onDatabaseDisk, trace.slice(-sendToInbox.length), runStarted));
    }
    if (process.env.BENCH_TRACE) writeFileSync(`${process.env.BENCH_TRACE}.${engine}.json`, JSON.stringify({ startedAt: Date.now() - (performance.now() - runStarted), sends: trace.slice(-sendToInbox.length) }));
    const achieved = sendToInbox.length / ((performance.now() - runStarted) / 1000);
    if (server) {
      const cpu = processCpuMs(server.pid);
      if (cpu !== null && serverCpuBefore !== null) facts.push(`the server process at ${SEND_RATE} sends/s: ${ms((cpu - serverCpuBefore) / (performance.now() - runStarted) * 100)} % of one core, ${ms((cpu - serverCpuBefore) / sendToInbox.length)} ms CPU per send`);
      await server.stop();
    }
    const pollStats = stats(polls);
    facts.push(
      `send → inbox: ${sends} sends scheduled at ${SEND_RATE}/s (at most ${SEND_MAX_IN_FLIGHT} at once), ${sendToInbox.length} completed at ${achieved.toFixed(1)}/s overall, ${notStarted} not started within ${SEND_SECONDS} s + ${SEND_OVERRUN_MS / 1000} s, ${errors} failed${firstError ? ` (first: ${firstError})` : ''}; client start lag p99 ${ms(stats(startLag).p99)} ms; inbox polls per send p50 ${pollStats.p50}, max ${pollStats.max}; already below the first page when listed: ${pushedBelowFirstPage}; not in the inbox within 10 s: ${notFound}`,
    );
    const where = server ? ' (server process)' : '';
    rows.unshift({ what: `send → inbox (approve, then recipient's listing) @${SEND_RATE}/s${where}`, stats: stats(sendToInbox), bare: 'insert', target: engine === 'postgres' ? { value: TARGETS.sendToInboxP99, of: 'p99' } : undefined });
    rows.splice(1, 0, { what: `  of which POST …/approve alone @${SEND_RATE}/s${where}`, stats: stats(approveTimes), bare: 'insert' });
    rows.splice(2, 0, { what: 'send → inbox, one at a time', stats: stats(single.total), bare: 'insert' });
    rows.splice(3, 0, { what: '  of which POST …/approve alone, one at a time', stats: stats(single.approve), bare: 'insert' });

    if (http.retries()) facts.push(`requests sent again after a connection reset: ${http.retries()}`);
    if (process.env.BENCH_EXPLAIN === '1') await explain(db, { unitId: fsco.id, userId: parties.users.gdOfficer });
    return { engine, rows, facts };
  } finally {
    await app.close();
    await database.close();
    if (process.env.BENCH_KEEP_DB === '1' && pgDatabase) log(`kept database ${pgDatabase.url}`);
    else await pgDatabase?.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// BENCH_EXPLAIN=1: the plans of the queries behind the listing and search (hand-written
// equivalents of what inbox.ts and search.ts build)

async function explain(db: Db, who: { unitId: string; userId: string }) {
  const inboxWhere = sql`n.recipient_unit_id = ${who.unitId} and n.sent_at is not null`;
  const visible = sql`(d.visibility = 'public' or d.visibility = 'signed_in' or (d.visibility = 'units' and ${who.unitId}::uuid = any(d.unit_ids)))`;
  const queries: [string, ReturnType<typeof sql>][] = [
    [
      'inbox page',
      sql`select n.*, rm.read_at from notifications n left join read_marks rm on rm.notification_id = n.id and rm.user_id = ${who.userId} where ${inboxWhere} order by n.sent_at desc, n.id desc limit 50`,
    ],
    ['inbox total', sql`select count(*) from notifications n where ${inboxWhere}`],
  ];
  for (const q of ['香港', '冷凍蝦仁']) {
    const expression = queryExpression(q)!;
    const tsq = sql`to_tsquery('simple', ${expression})`;
    queries.push(
      [`search ${q} page`, sql`select d.kind, d.ref_id, d.title, d.body, d.url, d.date, ts_rank(d.tokens, ${tsq}) as rank from search_documents d where d.tokens @@ ${tsq} and ${visible} order by rank desc, d.id limit 20`],
      [`search ${q} total`, sql`select count(*) from search_documents d where d.tokens @@ ${tsq} and ${visible}`],
      [
        `inbox q=${q} page`,
        sql`select n.*, rm.read_at from notifications n left join read_marks rm on rm.notification_id = n.id and rm.user_id = ${who.userId} where ${inboxWhere} and n.id in (select d.ref_id::uuid from search_documents d where d.kind = 'notification' and d.tokens @@ ${tsq}) order by n.sent_at desc, n.id desc limit 50`,
      ],
      [`inbox q=${q} total`, sql`select count(*) from notifications n where ${inboxWhere} and n.id in (select d.ref_id::uuid from search_documents d where d.kind = 'notification' and d.tokens @@ ${tsq})`],
    );
  }
  const out: string[] = ['', '-- EXPLAIN ANALYZE of the queries behind the listing and search --'];
  for (const [name, query] of queries) {
    const result = await db.execute(sql`explain (analyze, buffers) ${query}`);
    out.push('', `## ${name}`, ...rowsOf<Record<string, string>>(result).map((r) => Object.values(r)[0]));
  }
  console.log(out.join('\n'));
}

/**
 * The disk probe's figures during the send phase, and how many of the sends over the target
 * overlapped one of its stalls (a probe call of DISK_STALL_MS or more).
 */
const DISK_STALL_MS = 20;
function describeDisk(samples: { at: number; ms: number }[], onDatabaseDisk: boolean, sends: number[][], phaseStart: number) {
  const disk = stats(samples.map((s) => s.ms));
  const origin = performance.timeOrigin + phaseStart;
  const stalls = stallsDuring(samples, -Infinity, Infinity, DISK_STALL_MS);
  const longest = stalls.reduce<{ at: number; ms: number } | null>((a, b) => (!a || b.ms > a.ms ? b : a), null);
  const slow = sends.filter(([, , , total]) => total > TARGETS.sendToInboxP99);
  const overlapping = slow.filter(([scheduled, , , total]) => stallsDuring(stalls, origin + scheduled, origin + scheduled + total, DISK_STALL_MS).length > 0);
  return (
    `disk probe (a thread writing 8 KiB + fdatasync every 25 ms ${onDatabaseDisk ? "on the filesystem of PostgreSQL's data directory" : "in the temporary folder, not known to be PostgreSQL's disk"}): ` +
    `${disk.n} calls, p50 ${ms(disk.p50)} p99 ${ms(disk.p99)} max ${ms(disk.max)} ms; stalls ≥ ${DISK_STALL_MS} ms: ${stalls.length}` +
    (longest ? ` (longest ${ms(longest.ms)} ms at ${((longest.at - origin) / 1000).toFixed(1)} s into the phase)` : '') +
    `; sends over ${TARGETS.sendToInboxP99} ms: ${slow.length}, of which ${overlapping.length} overlapped a disk stall`
  );
}

// ---------------------------------------------------------------------------------------------
// Report

function printEngine(result: EngineResult, bare: { insert: number; select: number }) {
  const lines: string[] = [];
  const width = Math.max(...result.rows.map((r) => r.what.length)) + 2;
  const head = `${'operation'.padEnd(width)}${'n'.padStart(6)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'p99'.padStart(9)}${'max'.padStart(9)}  ${'×bare p50'.padStart(10)}  target`;
  lines.push('', `== ${result.engine === 'pglite' ? 'Embedded database (PGlite, in memory)' : 'PostgreSQL (fresh database beside DATABASE_URL)'} — times in ms ==`, head, '-'.repeat(head.length + 12));
  for (const r of result.rows) {
    const ratio = r.bare ? `${(r.stats.p50 / bare[r.bare]).toFixed(0)}× ${r.bare === 'insert' ? 'ins' : 'sel'}` : '';
    const target = r.target ? `${r.target.of} ≤ ${r.target.value}: ${r.stats[r.target.of] <= r.target.value ? 'PASS' : 'MISS'}` : '';
    lines.push(
      `${r.what.padEnd(width)}${String(r.stats.n).padStart(6)}${ms(r.stats.p50).padStart(9)}${ms(r.stats.p95).padStart(9)}${ms(r.stats.p99).padStart(9)}${ms(r.stats.max).padStart(9)}  ${ratio.padStart(10)}  ${target}${r.note ? `${target ? '  ' : ''}(${r.note})` : ''}`,
    );
  }
  lines.push('', ...result.facts.map((f) => `  · ${f}`));
  console.log(lines.join('\n'));
}

function printTargets(result: EngineResult) {
  const get = (prefix: string) => result.rows.filter((r) => r.what.startsWith(prefix));
  const sendRow = get('send → inbox')[0];
  const inboxRow = get('inbox GET')[0];
  const searchRows = get('search ');
  const worstSearch = searchRows.reduce((a, b) => (b.stats.p95 > a.stats.p95 ? b : a));
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  console.log(
    [
      '',
      '== Targets on PostgreSQL ==',
      `send → inbox p99 ≤ ${TARGETS.sendToInboxP99} ms: ${ms(sendRow.stats.p99)} ms  ${verdict(sendRow.stats.p99 <= TARGETS.sendToInboxP99)}`,
      `inbox listing p95 ≤ ${TARGETS.inboxP95} ms: ${ms(inboxRow.stats.p95)} ms  ${verdict(inboxRow.stats.p95 <= TARGETS.inboxP95)}`,
      `search p95 ≤ ${TARGETS.searchP95} ms: worst ${ms(worstSearch.stats.p95)} ms (${worstSearch.what.replace(/^search /, '')}); ${searchRows.filter((r) => r.stats.p95 <= TARGETS.searchP95).length}/${searchRows.length} queries within  ${verdict(searchRows.every((r) => r.stats.p95 <= TARGETS.searchP95))}`,
    ].join('\n'),
  );
}

async function main() {
  const wanted = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  const engines: ('pglite' | 'postgres')[] = [];
  if (wanted.includes('pglite')) engines.push('pglite');
  if (wanted.includes('postgres')) {
    if (process.env.DATABASE_URL) engines.push('postgres');
    else log('DATABASE_URL is not set: PostgreSQL is skipped (set DATABASE_URL=postgres://… to include it).');
  }
  const started = performance.now();
  console.log(
    `Liaison benchmark — ${new Date().toISOString()} — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`${ROWS} stored notifications; send → inbox at ${SEND_RATE}/s for ${SEND_SECONDS} s; HTTP over 127.0.0.1 with keep-alive; the server in this process, except at the steady rate on PostgreSQL (its own process, as npm start runs it)`);
  for (const engine of engines) {
    const result = await runEngine(engine);
    const bare = { insert: result.rows.find((r) => r.what.startsWith('bare insert'))!.stats.p50, select: result.rows.find((r) => r.what.startsWith('bare indexed select'))!.stats.p50 };
    printEngine(result, bare);
    if (engine === 'postgres') printTargets(result);
  }
  console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; total ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
