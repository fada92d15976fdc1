import { sql } from 'drizzle-orm';
import { openDatabase } from '/work/main/src/server/db/open.ts';
import { loadReferenceData } from '/work/main/src/server/reference/load-reference.ts';
import { systemClock } from '/work/main/src/server/platform/clock.ts';
import { readConfig } from '/work/main/src/server/platform/config.ts';
import { listNotifications } from '/work/main/src/server/notifications/inbox.ts';
import { documentTokens } from '/work/main/src/server/search/normalise.ts';
const N = Number(process.env.N ?? 40000);
const database = await openDatabase({ engine: process.env.DB_URL ? 'postgres' : 'pglite', ...(process.env.DB_URL ? { url: process.env.DB_URL } : { dataDir: null }) } as never);
const db = database.db;
const ctx = { db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'x-bench-admin-password' } } as never;
await loadReferenceData(ctx);
const rows = (r: unknown) => (r as { rows: Record<string, string>[] }).rows;
const [hk] = rows(await db.execute(sql`select id from units where code = 'hk-fhb'`));
const [gd] = rows(await db.execute(sql`select id from units where code = 'gd-fsco'`));
const [u] = rows(await db.execute(sql`insert into users (username, display_name, unit_id, roles, password_hash) values ('plan-user', 'p', ${gd.id}, '{officer}', 'x') returning id`));
const withPhrase = documentTokens('冷凍蝦仁驗出孔雀石綠 一批由廣東省供港的冷凍蝦仁，在邊境抽驗中驗出孔雀石綠。已封存該批產品，並通知進口商停止銷售及回收。');
const without = documentTokens('嬰兒配方奶粉檢出副溶血性弧菌 汕頭超級市場抽檢樣本，其中檢出副溶血性弧菌，超出國家食品安全標準。已封存涉事批次。');
const t0 = performance.now();
await db.execute(sql`insert into notifications (id, agreement_code, sender_unit_id, recipient_unit_id, status, category, classification, risk_decision, basis, authoritative_script, text_hant, text_hans, products, hazards, distribution, author_id, created_at, updated_at, sent_at, reference)
  select gen_random_uuid(), 'food-safety', case when g % 2 = 0 then ${hk.id}::uuid else ${gd.id}::uuid end, case when g % 2 = 0 then ${gd.id}::uuid else ${hk.id}::uuid end, 'sent', 'monitoring_result', 'alert', 'serious', 'border_control', 'zh-Hant', '{"title":"t","scope":"s","measures":"m","attention":"a"}', '{"title":"t","scope":"s","measures":"m","attention":"a"}', '[]', '[]', '[]', ${u.id}::uuid, now() - g * interval '1 minute', now(), now() - g * interval '1 minute', 'R-' || g
  from generate_series(1, ${N}) g`);
await db.execute(sql`insert into search_documents (kind, ref_id, title, body, url, visibility, unit_ids, party_codes, date, tokens, updated_at)
  select 'notification', n.id::text, '{}', 'b', '/n', 'units', array[n.sender_unit_id, n.recipient_unit_id], '{}', n.sent_at::date, to_tsvector('simple', case when random() < 0.1 then ${withPhrase} else ${without} end), now() from notifications n`);
console.log('seeded', N, 'in', ((performance.now() - t0) / 1000).toFixed(1), 's');
const viewer = { userId: u.id, unitId: gd.id, username: 'plan-user', displayName: 'p', partyCode: 'GD', roles: ['officer'], isPlatformAdmin: false, locale: null, via: 'session', sessionId: null } as never;
const Q = "('孔雀' <-> '雀石' <-> '石绿')";
await db.transaction(async (tx) => {
  await tx.execute(sql`select set_config('enable_bitmapscan','off',true), set_config('enable_seqscan','off',true), set_config('enable_hashjoin','off',true), set_config('enable_mergejoin','off',true), set_config('enable_material','off',true), set_config('max_parallel_workers_per_gather','0',true), set_config('jit','off',true)`);
  const plan = rows(await tx.execute(sql.raw(`explain analyze select n.id, rm.read_at from notifications n left join read_marks rm on rm.notification_id = n.id and rm.user_id = '${u.id}' where n.recipient_unit_id='${gd.id}' and n.sent_at is not null and exists (select 1 from search_documents d where d.kind='notification' and d.ref_id = n.id::text and d.tokens @@ to_tsquery('simple', $$${Q}$$) offset 0) order by n.sent_at desc, n.id desc limit 50`)));
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
});
await db.transaction(async (tx) => {
  await tx.execute(sql`select set_config('enable_seqscan','off',true), set_config('enable_hashjoin','off',true), set_config('enable_mergejoin','off',true), set_config('max_parallel_workers_per_gather','0',true), set_config('jit','off',true)`);
  const plan = rows(await tx.execute(sql.raw(`explain analyze select count(*) from (select 1 from search_documents d join notifications n on n.id = d.ref_id::uuid where d.kind='notification' and d.tokens @@ to_tsquery('simple', $$${Q}$$) and n.recipient_unit_id='${gd.id}' and n.sent_at is not null limit 1001) c`)));
  console.log(plan.map((r) => Object.values(r)[0]).join('\n'));
});
if (process.env.SKIP_LIST) process.exit(0);
for (const q of ['孔雀石綠', '香港']) {
  const t1 = performance.now();
  const r = await listNotifications(ctx, { viewer, query: { box: 'inbox', limit: 50, offset: 0, q } as never });
  console.log('inbox q=', q, 'total', r.total, 'items', r.items.length, ((performance.now() - t1)).toFixed(0), 'ms');
}
await database.close();
