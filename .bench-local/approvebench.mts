import { sql } from 'drizzle-orm';
import { buildApp } from '/work/main/src/server/app.ts';
import { openDatabase } from '/work/main/src/server/db/open.ts';
import { systemClock } from '/work/main/src/server/platform/clock.ts';
import { readConfig } from '/work/main/src/server/platform/config.ts';
const database = await openDatabase({ engine: 'postgres', url: process.env.DB_URL! });
const db = database.db;
const ctx = { db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'x-bench-admin-password' } };
const app = await buildApp(ctx as never, { serveWeb: false });
const logIn = async (username: string) => { const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'bench password 12345' } }); const c = r.headers['set-cookie'] as string | string[]; return (Array.isArray(c) ? c[0] : c).split(';')[0]; };
const hk = await logIn('bench-hk-approver'); const gd = await logIn('bench-gd-approver');
const N = Number(process.env.N ?? 800);
const cols = ((await db.execute(sql`select column_name as name from information_schema.columns where table_name = 'notifications' and table_schema = current_schema() order by ordinal_position`)) as unknown as { rows: { name: string }[] }).rows.map((c) => c.name);
const sel = cols.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'status' ? `'submitted'` : ['reference', 'sent_at', 'approver_id', 'ack_due_at', 'acknowledged_at', 'received_at', 'closed_at'].includes(c) ? 'null' : c));
const ids = ((await db.execute(sql.raw(`insert into notifications (${cols.join(', ')}) select ${sel.join(', ')} from notifications where status = 'sent' order by random() limit ${N} returning id, (select code from units where units.id = sender_unit_id) as sender`))) as unknown as { rows: { id: string; sender: string }[] }).rows;
import inspector from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const session = new inspector.Session(); session.connect(); await session.post('HeapProfiler.enable');
const times: number[] = []; let cpu0 = process.cpuUsage();
for (let i = 0; i < ids.length; i++) {
  if (i === 200) { times.length = 0; cpu0 = process.cpuUsage(); await session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false }); }
  const t0 = performance.now();
  const r = await app.inject({ method: 'POST', url: `/api/v1/notifications/${ids[i].id}/approve`, headers: { cookie: ids[i].sender === 'hk-fhb' ? hk : gd, 'idempotency-key': `ab-${ids[i].id}` } });
  if (r.statusCode !== 200) throw new Error(r.body);
  times.push(performance.now() - t0);
}
const { profile } = await session.post('HeapProfiler.stopSampling'); writeFileSync('/tmp/promoted.heapprofile', JSON.stringify(profile));
const cpu = process.cpuUsage(cpu0); times.sort((a, b) => a - b);
console.log('approve p50', times[times.length >> 1].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)].toFixed(2), 'cpu/req', ((cpu.user + cpu.system) / 1000 / times.length).toFixed(2));
await app.close(); await database.close();
