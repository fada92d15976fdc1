/**
 * Sister-schools benchmark (`node --import tsx bench/schools.ts`): figures, not a test.
 *
 * Seeds 20 000 schools (10 000 a side, each with its search index row) and 5 000 active pairs
 * (the real scheme had 2,933 pairs in 2024), then measures over HTTP on loopback, with an
 * authority officer and a school coordinator signed in: the registry's listing and its name
 * filter, the one search box, the pairs list, one pair's page, and matching. Target: p95 ≤ 50 ms
 * on PostgreSQL.
 *
 * Knobs: BENCH_ENGINES (pglite,postgres; postgres needs DATABASE_URL), BENCH_SCHOOLS (20000),
 * BENCH_PAIRS (5000), BENCH_ROUNDS (100), BENCH_KEEP_DB=1 (keep the PostgreSQL database, to study plans).
 */
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/server/app.ts';
import { searchDocuments, users } from '../src/server/db/schema.ts';
import { hashPassword } from '../src/server/accounts/secrets.ts';
import { ensureAdmin } from '../src/server/accounts/bootstrap.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { readConfig } from '../src/server/platform/config.ts';
import type { Context } from '../src/server/platform/context.ts';
import { loadProgressData } from '../src/server/progress/load-progress.ts';
import { loadReferenceData } from '../src/server/reference/load-reference.ts';
import { documentTokens } from '../src/server/search/normalise.ts';
import { schoolCoordinators, schools, sisterPairs } from '../src/server/schools/schema.ts';
import { authorityUnits } from '../src/server/schools/queries.ts';
import { schoolName } from '../src/server/schools/present.ts';
import { createTestDatabase, type Engine } from '../test/support/harness.ts';

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 20_000);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const engines = (process.env.BENCH_ENGINES ?? (process.env.DATABASE_URL ? 'pglite,postgres' : 'pglite')).split(',') as Engine[];
const PASSWORD = 'bench-password-1234';

const hkWords = ['晨曦', '嘉禾', '翠林', '明德', '啟思', '海濱', '松柏', '育才', '仁愛', '博文', '聖保', '培英', '德望', '福德', '顯理'];
const gdWords = ['阳光', '星河', '育英', '启明', '朝阳', '南粤', '珠江', '红棉', '凤凰', '丹霞', '执信', '华侨', '荔湾', '海珠', '花城'];
const hkDistricts = ['沙田', '屯門', '觀塘', '元朗', '東區', '大埔', '荃灣', '葵青'];
const gdDistricts = ['广州市天河区', '深圳市南山区', '佛山市禅城区', '东莞市', '珠海市香洲区', '中山市', '江门市', '惠州市'];
const levels = ['primary', 'secondary', 'special', 'kindergarten'];
const themes = ['STEM', '中華文化', 'sport', 'music', 'reading', 'environment'];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const fmt = (n: number) => n.toFixed(1);

async function seed(ctx: Context) {
  const now = new Date();
  const half = SCHOOLS / 2;
  const ids: { HK: string[]; GD: string[] } = { HK: [], GD: [] };
  for (const side of ['HK', 'GD'] as const) {
    for (let start = 0; start < half; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, half - start) }, (_, k) => {
        const i = start + k;
        const words = side === 'HK' ? hkWords : gdWords;
        const district = (side === 'HK' ? hkDistricts : gdDistricts)[i % 8];
        const level = levels[i % 4];
        return {
          code: `B-${side}-${i}`,
          partyCode: side,
          nameZh: `${district}${words[i % 15]}${words[Math.floor(i / 15) % 15]}第${i}${side === 'HK' ? '學校' : '学校'}`,
          nameEn: `${side} Bench School ${i}`,
          level,
          sector: side === 'HK' ? ['aided', 'government', 'dss', 'private'][i % 4] : ['public', 'minban'][i % 2],
          district,
          features: [themes[i % 6]],
          contactEmail: `b-${side}-${i}@school.example`,
          preferences: { levels: [level], sectors: [], districts: [(side === 'HK' ? gdDistricts : hkDistricts)[i % 8].slice(0, 2)], themes: [themes[(i + 1) % 6]] },
          isSample: false,
          createdAt: now,
          updatedAt: now,
        };
      });
      const inserted = await ctx.db.insert(schools).values(rows).returning();
      ids[side].push(...inserted.map((r) => r.id));
      const unitIds = (await authorityUnits(ctx.db)).map((u) => u.id);
      await ctx.db.insert(searchDocuments).values(
        inserted.map((r) => {
          const name = schoolName(r);
          const body = [r.code, r.nameZh, r.nameEn, r.district, ...r.features].join('\n');
          return { kind: 'school', refId: r.id, title: { 'zh-Hant': name['zh-Hant'], 'zh-Hans': name['zh-Hans'], en: r.nameEn }, body, url: `/schools/registry/${r.id}`, visibility: 'units', unitIds, partyCodes: ['HK', 'GD'], date: '2026-11-01', tokens: sql`to_tsvector('simple', ${documentTokens([name['zh-Hant'], r.nameEn, body].join('\n'))})` as unknown as string, updatedAt: now };
        }),
      );
    }
  }
  // Pairs: school i of Hong Kong with school (i * 7) mod n of Guangdong, so some have several sisters.
  for (let start = 0; start < PAIRS; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, PAIRS - start) }, (_, k) => {
      const i = start + k;
      return { hkSchoolId: ids.HK[i % half], gdSchoolId: ids.GD[(i * 7 + Math.floor(i / half)) % half], status: 'active', origin: 'school', proposedBy: ids.HK[i % half], proposedByParty: 'HK', hkConsentAt: now, gdConsentAt: now, hkEndorsedAt: now, gdEndorsedAt: now, startedOn: '2016-09-01', createdAt: now, updatedAt: now };
    });
    await ctx.db.insert(sisterPairs).values(rows).onConflictDoNothing();
  }
  return ids;
}

async function runEngine(engine: Engine) {
  if (engine === 'postgres') process.env.TEST_DATABASE_URL ??= process.env.DATABASE_URL;
  const database = await createTestDatabase(engine);
  const ctx: Context = { db: database.db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'bench-admin-password' } };
  await loadReferenceData(ctx);
  await loadProgressData(ctx);
  await ensureAdmin(ctx);
  const t0 = Date.now();
  const ids = await seed(ctx);
  // What autovacuum does on a live server: statistics and the visibility map (index-only scans).
  await ctx.db.execute(sql`vacuum analyze`);
  console.log(`[${engine}] seeded ${SCHOOLS} schools and ${PAIRS} pairs in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const units = await authorityUnits(ctx.db);
  const passwordHash = await hashPassword(PASSWORD);
  await ctx.db.insert(users).values({ username: 'bench-edb', displayName: 'EDB', unitId: units.find((u) => u.partyCode === 'HK')!.id, roles: ['officer'], passwordHash });
  const [coordinator] = await ctx.db.insert(users).values({ username: 'bench-coordinator', displayName: 'Coordinator', unitId: null, roles: [], passwordHash }).returning();
  await ctx.db.insert(schoolCoordinators).values({ userId: coordinator.id, schoolId: ids.HK[3], appointedAt: new Date() });
  const app = await buildApp(ctx, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`;
  const logIn = async (username: string) => {
    const response = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    return response.headers.get('set-cookie')!.split(';')[0];
  };
  const edb = await logIn('bench-edb');
  const school = await logIn('bench-coordinator');
  const [pair] = await ctx.db.select({ id: sisterPairs.id }).from(sisterPairs).limit(1);
  const cases: [string, string, string][] = [
    ['registry page (GD, 50)', edb, '/schools?side=GD&limit=50&offset=5000'],
    ['registry name filter (Bench School 123)', edb, `/schools?q=${encodeURIComponent('Bench School 123')}`],
    ['registry name filter, Chinese (星河)', edb, `/schools?q=${encodeURIComponent('星河')}`],
    ['search box, 2 characters (學校)', edb, `/search?q=${encodeURIComponent('學校')}`],
    ['search box, 4 characters (晨曦嘉禾, either script)', edb, `/search?q=${encodeURIComponent('晨曦嘉禾')}`],
    ['pairs of a side (authority, 100 latest changed)', edb, '/sister-pairs'],
    ['pairs of a school (coordinator)', school, '/sister-pairs'],
    ['one pair with its history', edb, `/sister-pairs/${pair.id}`],
    ['matches for a school', edb, `/schools/${ids.HK[3]}/matches`],
  ];
  console.log(`[${engine}] ${ROUNDS} requests each after 10 to warm up (ms)`);
  console.log('| request | p50 | p95 | p99 |\n|---|---|---|---|');
  for (const [what, cookie, path] of cases) {
    const times: number[] = [];
    for (let i = 0; i < ROUNDS + 10; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${what}: ${response.status}`);
      if (i >= 10) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`| ${what} | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.95))} | ${fmt(quantile(times, 0.99))} |`);
  }
  await app.close();
  if (process.env.BENCH_KEEP_DB && engine === 'postgres') console.log(`[${engine}] kept the database (BENCH_KEEP_DB)`);
  else await database.close();
}

for (const engine of engines) await runEngine(engine);
