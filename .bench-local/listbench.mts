import { buildApp } from '/work/main/src/server/app.ts';
import { openDatabase } from '/work/main/src/server/db/open.ts';
import { systemClock } from '/work/main/src/server/platform/clock.ts';
import { readConfig } from '/work/main/src/server/platform/config.ts';
const database = await openDatabase({ engine: 'postgres', url: process.env.DB_URL! });
const ctx = { db: database.db, clock: systemClock, config: { ...readConfig({}), adminPassword: 'x-bench-admin-password' } };
const app = await buildApp(ctx as never, { serveWeb: false });
const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'bench-gd-officer', password: 'bench password 12345' } });
const cookie = login.headers['set-cookie'] as string | string[];
const c = (Array.isArray(cookie) ? cookie[0] : cookie).split(';')[0];
const url = process.env.URL ?? '/api/v1/notifications?box=inbox&limit=50';
for (let i = 0; i < 300; i++) await app.inject({ method: 'GET', url, headers: { cookie: c } });
const times: number[] = []; const cpu0 = process.cpuUsage();
for (let i = 0; i < 1000; i++) { const t0 = performance.now(); const r = await app.inject({ method: 'GET', url, headers: { cookie: c } }); if (r.statusCode !== 200) throw new Error(r.body); times.push(performance.now() - t0); }
const cpu = process.cpuUsage(cpu0); times.sort((a, b) => a - b);
console.log(url, 'p50', times[500].toFixed(2), 'p95', times[950].toFixed(2), 'cpu/req', ((cpu.user + cpu.system) / 1000 / 1000).toFixed(2));
await app.close(); await database.close();
