/**
 * IP database benchmark (`node --import tsx bench/ip.ts`): figures, not a test.
 *
 * Seeds 50 000 published instruments of the four jurisdictions (each with two versions and its
 * search index row; titles in the jurisdiction's own script) beside the reference entries, then
 * measures the public pages' API over HTTP on loopback, signed out, one request at a time: the
 * listing, a filter by jurisdiction and subject, searches in either Chinese script (a common word
 * and a rare title), one instrument's page and the side-by-side view. Target: p95 ≤ 50 ms on
 * PostgreSQL. Results and their history: bench/ip.md.
 *
 * Knobs: BENCH_ENGINES (postgres with DATABASE_URL, else pglite), BENCH_INSTRUMENTS (50000),
 * BENCH_ROUNDS (100), BENCH_KEEP_DB=1 (keep the PostgreSQL database, to study plans).
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { searchDocuments } from '../src/server/db/schema.ts';
import { ensureAdmin } from '../src/server/accounts/bootstrap.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { readConfig } from '../src/server/platform/config.ts';
import type { Context } from '../src/server/platform/context.ts';
import { loadProgressData } from '../src/server/progress/load-progress.ts';
import { loadReferenceData } from '../src/server/reference/load-reference.ts';
import { loadIpData } from '../src/server/ip/load-ip.ts';
import { ipInstruments } from '../src/server/ip/schema.ts';
import { bothScripts } from '../src/server/ip/present.ts';
import { documentTokens } from '../src/server/search/normalise.ts';
import { createTestDatabase, type Engine } from '../test/support/harness.ts';

const INSTRUMENTS = Number(process.env.BENCH_INSTRUMENTS ?? 50_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const engines = (process.env.BENCH_ENGINES ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')).split(',') as Engine[];

const jurisdictions = ['CN', 'GD', 'HK', 'MO'] as const;
const keeper = { CN: 'GD', GD: 'GD', HK: 'HK', MO: 'MO' } as const;
const subjects = ['patent', 'trademark', 'copyright', 'design', 'border', 'criminal', 'enforcement'] as const;
const types = ['law', 'regulation', 'rule', 'guideline', 'judicial_interpretation'] as const;
// The subject's word in the jurisdiction's own script: Simplified on the Mainland, Traditional in Hong Kong and Macao.
const words: Record<(typeof subjects)[number], [string, string]> = {
  patent: ['专利', '專利'],
  trademark: ['商标', '商標'],
  copyright: ['著作权', '版權'],
  design: ['外观设计', '外觀設計'],
  border: ['海关保护', '海關保護'],
  criminal: ['侵权刑事', '侵權刑事'],
  enforcement: ['执法协作', '執法協作'],
};
const places = { CN: '国家', GD: '广东省', HK: '香港', MO: '澳門' };
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

async function seed(ctx: Context) {
  const now = new Date();
  for (let start = 0; start < INSTRUMENTS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, INSTRUMENTS - start) }, (_, k) => {
      const i = start + k;
      const jurisdiction = jurisdictions[i % 4];
      const subject = subjects[Math.floor(i / 4) % 7];
      const word = words[subject][jurisdiction === 'HK' || jurisdiction === 'MO' ? 1 : 0];
      const year = 1990 + (i % 35);
      return {
        code: `bench-${jurisdiction.toLowerCase()}-${i}`,
        jurisdiction,
        subjects: [subject, ...(i % 5 === 0 ? ['enforcement'] : [])],
        type: types[i % 5],
        number: jurisdiction === 'HK' ? `Cap. ${1000 + i}` : `第${i}号`,
        titleZh: `${places[jurisdiction]}${word}規範第${i}號`,
        titleEn: `${jurisdiction} ${subject} instrument ${i}`,
        titlePt: jurisdiction === 'MO' ? `Regulamento ${i}` : null,
        enactedOn: `${year}-03-01`,
        inForceOn: `${year}-07-01`,
        repealedOn: i % 10 === 9 ? `${year + 5}-01-01` : null,
        status: i % 10 === 9 ? 'repealed' : 'in_force',
        summaryZh: `${word}方面的測試規範。`,
        summaryEn: `A bench instrument on ${subject}.`,
        officialUrl: `https://example.org/ip/${i}`,
        versions: [
          { label: { zh: '原文', en: 'As enacted' }, adoptedOn: `${year}-03-01`, inForceOn: `${year}-07-01`, amendingAct: null, texts: [{ language: 'en' as const, official: false, url: `https://example.org/ip/${i}/en` }] },
          { label: { zh: `${year + 3}年修訂`, en: `As amended ${year + 3}` }, adoptedOn: `${year + 3}-03-01`, inForceOn: `${year + 3}-07-01`, amendingAct: `Amendment ${i}`, texts: [{ language: 'zh-Hant' as const, official: true, url: `https://example.org/ip/${i}/zh` }] },
        ],
        publishedAt: now,
        publishedBy: 'bench',
      };
    });
    const inserted = await ctx.db.insert(ipInstruments).values(rows).returning();
    await ctx.db.insert(searchDocuments).values(
      inserted.map((r) => {
        const body = [r.titleZh, r.titleEn, r.titlePt ?? '', r.number ?? '', r.summaryZh ?? '', r.summaryEn ?? '', ...r.versions.map((v) => `${v.label.zh} ${v.label.en} ${v.amendingAct ?? ''}`)].join('\n');
        const title = { ...bothScripts(r.titleZh, r.jurisdiction), en: r.titleEn };
        return { kind: 'ip_instrument', refId: r.id, title, body, url: `/ip/instruments/${r.code}`, visibility: 'public', partyCodes: [keeper[r.jurisdiction as keyof typeof keeper]], date: r.inForceOn, tokens: sql`to_tsvector('simple', ${documentTokens([title['zh-Hant'], r.titleEn, body].join('\n'))})` as unknown as string, updatedAt: now };
      }),
    );
  }
}

async function runEngine(engine: Engine) {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  const database = await createTestDatabase(engine);
  const ctx: Context = { db: database.db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'bench-admin-password' } };
  await loadReferenceData(ctx);
  await loadProgressData(ctx);
  await loadIpData(ctx);
  await ensureAdmin(ctx);
  const t0 = Date.now();
  await seed(ctx);
  // What autovacuum does on a live server: statistics and the visibility map.
  await ctx.db.execute(sql`vacuum analyze`);
  console.log(`[${engine}] seeded ${INSTRUMENTS} instruments (two versions each) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  const rare = 31230; // Hong Kong, copyright: 香港版權規範第31230號
  const cases: [string, string][] = [
    ['listing, first page (50)', '/ip/instruments?limit=50'],
    ['listing, page at offset 10 000', '/ip/instruments?limit=50&offset=10000'],
    ['filter: Hong Kong, copyright', '/ip/instruments?jurisdiction=HK&subject=copyright&limit=50'],
    ['search, common word in Traditional (專利)', `/ip/instruments?q=${encodeURIComponent('專利')}&limit=50`],
    ['search, a title in Simplified finding Traditional (香港专利规范)', `/ip/instruments?q=${encodeURIComponent('香港专利规范')}&limit=50`],
    ['search, a rare title (版權規範第' + rare + '號)', `/ip/instruments?q=${encodeURIComponent(`版權規範第${rare}號`)}&limit=50`],
    ['one instrument with versions and relations', '/ip/instruments/hk-cap-528'],
    ['side by side: patent', '/ip/compare?subject=patent'],
    ['side by side: border', '/ip/compare?subject=border'],
  ];
  console.log(`[${engine}] ${ROUNDS} requests each after 10 to warm up, signed out (ms)`);
  console.log('| request | p50 | p95 | p99 | bytes |\n|---|---|---|---|---|');
  for (const [what, path] of cases) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < ROUNDS + 10; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`);
      bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${what}: ${response.status}`);
      if (i >= 10) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${what} | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.95))} | ${fmt(quantile(times, 0.99))} | ${bytes} |`);
  }
  await app.close();
  if (process.env.BENCH_KEEP_DB && engine === 'postgres') console.log(`[${engine}] kept the database (BENCH_KEEP_DB)`);
  else await database.close();
}

for (const engine of engines) await runEngine(engine);
