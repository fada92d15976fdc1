import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startServerProcess } from '../support/processes.ts';
import { draftBody } from '../support/notifications.ts';
import { connectTestPostgres, leftOutNote, testPostgresUrl } from '../support/postgres.ts';

/**
 * Kill -9 while sending. The real server runs as its own process on a fresh PostgreSQL
 * database; this process sends notifications at a steady rate (draft → submit → approve, each
 * with an Idempotency-Key) while the server is killed with SIGKILL and restarted several
 * times. Every send that was answered 2xx must then be there exactly once: in the recipient's
 * inbox, in the database with its text intact and a unique reference number, once in the
 * timeline and once in the audit trail, and the audit trail's hash chain must still verify.
 *
 * The run is bounded by work, not by a clock: KILLS kills, each after ANSWERS_PER_LIFE more
 * sends were answered, and TOTAL_SENDS sends in all, each retried until answered. A slow machine
 * makes it take longer; it does not change what is checked.
 *
 * PostgreSQL only (the embedded database is one process and runs with fsync off): it runs when
 * TEST_DATABASE_URL is set and is left out, with a line in the output, otherwise.
 */

const SEND_RATE_PER_SECOND = 20;
/** RELIABILITY_KILLS=0 runs the same without kills, to tell the server's pace from the kills' effect. */
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 4);
/** Each life of the server answers this many sends before it is killed (and the last one too). */
const ANSWERS_PER_LIFE = 25;
const TOTAL_SENDS = (KILLS + 1) * ANSWERS_PER_LIFE;
/**
 * At most this many sends at once: when the server falls behind the steady rate (a loaded
 * machine), the client holds back rather than piling up requests that time out.
 */
const MAX_IN_FLIGHT = 16;
/** Only to notice a hung connection; a request that takes this long is counted and retried. */
const REQUEST_TIMEOUT_MS = 30_000;
const ADMIN_PASSWORD = 'reliability-admin-password';
const PASSWORD = 'reliability user password';

type Server = Awaited<ReturnType<typeof startServerProcess>>;
type Sent = { seq: number; id: string; reference: string; script: 'zh-Hant' | 'zh-Hans'; text: { title: string; scope: string; measures: string; attention: string } };

/** RELIABILITY_DEBUG=1 prints every request and kill with its time. */
const debug = process.env.RELIABILITY_DEBUG ? (line: string) => console.error(line) : () => {};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same four texts, whatever the key order (jsonb keeps its own). */
const sameText = (a: Sent['text'] | undefined, b: Sent['text']) => !!a && Object.keys(a).length === 4 && (['title', 'scope', 'measures', 'attention'] as const).every((k) => a[k] === b[k]);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The text of the seq-th notification, unique to it, alternately in Traditional and Simplified. */
function textOf(seq: number): { script: 'zh-Hant' | 'zh-Hans'; text: Sent['text'] } {
  return seq % 2 === 0
    ? {
        script: 'zh-Hant',
        text: {
          title: `冷凍蝦仁驗出孔雀石綠（第 ${seq} 號）`,
          scope: `第 ${seq} 批由廣東省供港的冷凍蝦仁，在文錦渡口岸抽驗中驗出孔雀石綠 4.${seq % 10} µg/kg。`,
          measures: '已封存該批產品，並通知進口商停止銷售及回收；「海之寶」同批號產品暫停進口。',
          attention: '請跟進有關養殖場及出口商，並於 48 小時內通報調查結果。',
        },
      }
    : {
        script: 'zh-Hans',
        text: {
          title: `鲜活水产品检出禁用药物（第 ${seq} 号）`,
          scope: `广东省内第 ${seq} 次抽检发现供港多宝鱼检出硝基呋喃代谢物，涉及湛江、茂名两地养殖场。`,
          measures: '已责令相关企业召回问题批次，暂停其供港资格，并加强出口前检验。',
          attention: '请关注在港销售的相关产品，如有发现请及时通报。',
        },
      };
}

/** Creates a database beside TEST_DATABASE_URL; the guard fails with a clear message when PostgreSQL does not answer. */
async function createDatabase(base: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await connectTestPostgres(base);
  const name = `liaison_reliability_${randomBytes(6).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = await connectTestPostgres(base);
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

const postgresUrl = testPostgresUrl();
// vitest.config.ts leaves this file out without TEST_DATABASE_URL; run by name without it, it says why.
if (!postgresUrl) throw new Error(leftOutNote('The kill -9 reliability test'));
describeKillRestart(postgresUrl);

function describeKillRestart(postgresUrl: string) {
  describe('notifications survive kill -9 of the server (PostgreSQL)', () => {
    let database: Awaited<ReturnType<typeof createDatabase>> | undefined;
    let server: Server | undefined;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-reliability-'));
    /** Set while the server is down; requests wait on it before retrying. */
    let outage: ReturnType<typeof deferred> | null = null;
    const base = () => `http://127.0.0.1:${server!.port}/api/v1`;

    afterAll(async () => {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        const exited = new Promise((r) => server!.child.once('exit', r));
        server.child.kill('SIGKILL');
        await exited;
      }
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses and duplicates no notification that was answered', async () => {
      database = await createDatabase(postgresUrl);
      const env = { DATABASE_URL: database.url, LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD, LIAISON_DATA_DIR: dataDir, LIAISON_DEMO: '', LIAISON_SMTP_URL: '' };
      server = await startServerProcess(env);

      // ---- Setup through the API: the admin creates the three users. ----
      const logIn = async (username: string, password: string) => {
        const response = await fetch(`${base()}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
        expect(response.status, `log-in as ${username}: ${await response.clone().text()}`).toBe(200);
        const cookie = response.headers.getSetCookie().find((c) => c.startsWith('liaison_session='));
        return cookie!.split(';')[0];
      };
      const admin = await logIn('admin', ADMIN_PASSWORD);
      const unitList = (await (await fetch(`${base()}/units`, { headers: { cookie: admin } })).json()) as { id: string; code: string }[];
      const fhb = unitList.find((u) => u.code === 'hk-fhb')!.id;
      const fsco = unitList.find((u) => u.code === 'gd-fsco')!.id;
      const createUser = async (username: string, unitId: string, roles: string[]) => {
        const response = await fetch(`${base()}/users`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: admin },
          body: JSON.stringify({ username, displayName: username, password: 'given by the admin', unitId, roles }),
        });
        expect(response.status, await response.clone().text()).toBe(201);
        // The admin chose the password: its holder replaces it before anything else.
        const given = await logIn(username, 'given by the admin');
        const changed = await fetch(`${base()}/me/password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: given },
          body: JSON.stringify({ currentPassword: 'given by the admin', newPassword: PASSWORD }),
        });
        expect(changed.status, await changed.clone().text()).toBe(204);
        return given;
      };
      const hkOfficer = await createUser('rel-hk-officer', fhb, ['officer']);
      const hkApprover = await createUser('rel-hk-approver', fhb, ['approver']);
      const gdOfficer = await createUser('rel-gd-officer', fsco, ['officer']);

      // ---- The client: retries through outages with the same Idempotency-Key. ----
      const counts = { attempted: 0, answered: 0, requests: 0, failedDuringOutages: 0, timedOut: 0, http5xx: 0, heldBack: 0, replayed: 0, interruptedSends: 0, kills: 0 };
      const unexpected: string[] = [];
      const failureReasons = new Map<string, number>();
      const sent: Sent[] = [];
      const debugStart = Date.now();
      const restartMs: number[] = [];

      const request = async (method: 'GET' | 'POST', url: string, options: { cookie: string; body?: object; key?: string; onRetry?: () => void }) => {
        for (;;) {
          if (outage) await outage.promise;
          counts.requests++;
          const t0 = Date.now();
          try {
            const response = await fetch(`${base()}${url}`, {
              method,
              headers: { cookie: options.cookie, ...(options.body ? { 'content-type': 'application/json' } : {}), ...(options.key ? { 'idempotency-key': options.key } : {}) },
              body: options.body ? JSON.stringify(options.body) : undefined,
              signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
            });
            const text = await response.text();
            debug(`${t0 - debugStart} +${Date.now() - t0} ${method} ${url} ${options.key ?? ''} ${response.status}`);
            if (response.status >= 500) {
              counts.http5xx++;
              unexpected.push(`${method} ${url}: ${response.status} ${text.slice(0, 300)}`);
              options.onRetry?.();
              await sleep(100);
              continue;
            }
            if (response.headers.get('idempotent-replayed') === 'true') counts.replayed++;
            return { status: response.status, body: text ? JSON.parse(text) : null };
          } catch (error) {
            // Connection refused or reset, or the answer cut off: the server is (being) killed.
            const cause = (error as { cause?: { code?: string; message?: string } }).cause;
            const reason = `${(error as Error).name}: ${cause?.code ?? cause?.message ?? (error as Error).message}`;
            failureReasons.set(reason, (failureReasons.get(reason) ?? 0) + 1);
            debug(`${t0 - debugStart} +${Date.now() - t0} ${method} ${url} ${options.key ?? ''} ${reason}`);
            if ((error as Error).name === 'TimeoutError') counts.timedOut++;
            else counts.failedDuringOutages++;
            options.onRetry?.();
            await sleep(50);
          }
        }
      };

      const sendOne = async (seq: number) => {
        counts.attempted++;
        const { script, text } = textOf(seq);
        let interrupted = false;
        const onRetry = () => (interrupted = true);
        const step = async (label: string, url: string, cookie: string, expected: number, body?: object) => {
          const answer = await request('POST', url, { cookie, body, key: `reliability-${seq}-${label}`, onRetry });
          if (answer.status !== expected) unexpected.push(`#${seq} ${label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
          return answer.status === expected ? answer.body : null;
        };
        try {
          const draft = await step('draft', '/notifications', hkOfficer, 201, draftBody(fsco, { script, text }));
          if (!draft) return;
          if (!(await step('submit', `/notifications/${draft.id}/submit`, hkOfficer, 200))) return;
          const approved = await step('approve', `/notifications/${draft.id}/approve`, hkApprover, 200);
          if (!approved) return;
          counts.answered++;
          sent.push({ seq, id: approved.id, reference: approved.reference, script, text });
          if (approved.status !== 'sent' || approved.id !== draft.id) unexpected.push(`#${seq} approve answered ${approved.status} for ${approved.id}`);
        } finally {
          if (interrupted) counts.interruptedSends++;
        }
      };

      const killAndRestart = async () => {
        debug(`${Date.now() - debugStart} KILL`);
        outage = deferred();
        const exited = new Promise((r) => server!.child.once('exit', r));
        server!.child.kill('SIGKILL');
        await exited;
        const killedAt = Date.now();
        counts.kills++;
        server = await startServerProcess(env);
        restartMs.push(Date.now() - killedAt);
        debug(`${Date.now() - debugStart} UP`);
        const gate = outage;
        outage = null;
        gate.resolve();
      };

      // ---- Send at a steady rate while the killer kills after each ANSWERS_PER_LIFE answers. ----
      const startedAt = Date.now();
      const killer = (async () => {
        while (counts.kills < KILLS) {
          const threshold = (counts.kills + 1) * ANSWERS_PER_LIFE;
          while (counts.answered < threshold) await sleep(20);
          await killAndRestart();
        }
      })();
      const sends: Promise<void>[] = [];
      const interval = 1_000 / SEND_RATE_PER_SECOND;
      let inFlight = 0;
      let seq = 0;
      for (let tick = 0; seq < TOTAL_SENDS; tick++) {
        if (inFlight < MAX_IN_FLIGHT) {
          const mine = seq++;
          inFlight++;
          sends.push(
            sendOne(mine)
              .catch((error) => void unexpected.push(`#${mine}: ${(error as Error).stack}`))
              .finally(() => inFlight--),
          );
        } else {
          counts.heldBack++;
        }
        const due = startedAt + (tick + 1) * interval;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      await Promise.all(sends);
      await killer;
      const sendingMs = Date.now() - startedAt;

      // ---- Check through the API: the recipient's inbox, page by page, and each notification. ----
      const get = async (url: string, cookie: string) => {
        const response = await fetch(`${base()}${url}`, { headers: { cookie } });
        expect(response.status, `GET ${url}: ${await response.clone().text()}`).toBe(200);
        return response.json();
      };
      const inboxIds: string[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await get(`/notifications?box=inbox&limit=200&offset=${offset}`, gdOfficer);
        inboxIds.push(...page.items.map((i: { id: string }) => i.id));
        if (page.items.length < 200) {
          expect(inboxIds.length).toBe(page.total);
          break;
        }
      }
      const inboxCount = new Map<string, number>();
      for (const id of inboxIds) inboxCount.set(id, (inboxCount.get(id) ?? 0) + 1);
      const apiProblems: string[] = [];
      for (const s of sent) if (inboxCount.get(s.id) !== 1) apiProblems.push(`${s.reference} (${s.id}) is in the inbox ${inboxCount.get(s.id) ?? 0} times`);
      for (const [id, n] of inboxCount) if (n > 1) apiProblems.push(`${id} is listed ${n} times`);
      for (let i = 0; i < sent.length; i += 8) {
        await Promise.all(
          sent.slice(i, i + 8).map(async (s) => {
            const detail = await get(`/notifications/${s.id}`, gdOfficer);
            if (detail.status !== 'sent') apiProblems.push(`${s.reference}: status ${detail.status}`);
            if (detail.reference !== s.reference) apiProblems.push(`${s.id}: reference ${detail.reference}, answered ${s.reference}`);
            if (!sameText(detail.text[s.script], s.text)) apiProblems.push(`${s.reference}: text differs: ${JSON.stringify(detail.text[s.script])}`);
            if (detail.timeline.filter((e: { kind: string }) => e.kind === 'sent').length !== 1) apiProblems.push(`${s.reference}: timeline ${detail.timeline.map((e: { kind: string }) => e.kind).join(',')}`);
          }),
        );
      }

      // ---- Check in the database. ----
      const client = new pg.Client({ connectionString: database!.url });
      await client.connect();
      const dbProblems: string[] = [];
      let allRows = 0;
      let sentRows = 0;
      let sentNotAnswered = 0;
      let references: string[] = [];
      try {
        const rows = (await client.query('select id, reference, status, authoritative_script, text_hant, text_hans from notifications')).rows as {
          id: string;
          reference: string | null;
          status: string;
          authoritative_script: string;
          text_hant: Sent['text'];
          text_hans: Sent['text'];
        }[];
        allRows = rows.length;
        const byId = new Map<string, typeof rows>();
        const byTitle = new Map<string, number>();
        for (const row of rows) {
          byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
          const written = row.authoritative_script === 'zh-Hant' ? row.text_hant : row.text_hans;
          byTitle.set(written.title, (byTitle.get(written.title) ?? 0) + 1);
        }
        for (const [title, n] of byTitle) if (n > 1) dbProblems.push(`${n} notifications titled ${title} (a draft made twice)`);
        references = rows.filter((r) => r.reference !== null).map((r) => r.reference!);
        const referenceCount = new Map<string, number>();
        for (const r of references) referenceCount.set(r, (referenceCount.get(r) ?? 0) + 1);
        for (const [r, n] of referenceCount) if (n > 1) dbProblems.push(`reference ${r} given ${n} times`);
        const answeredIds = new Set(sent.map((s) => s.id));
        sentRows = rows.filter((r) => r.status === 'sent').length;
        sentNotAnswered = rows.filter((r) => r.status === 'sent' && !answeredIds.has(r.id)).length;
        for (const s of sent) {
          const found = byId.get(s.id) ?? [];
          if (found.length !== 1) {
            dbProblems.push(`${s.reference} (${s.id}): ${found.length} rows`);
            continue;
          }
          const [row] = found;
          if (row.status !== 'sent') dbProblems.push(`${s.reference}: status ${row.status}`);
          if (row.reference !== s.reference) dbProblems.push(`${s.id}: reference ${row.reference}, answered ${s.reference}`);
          if (row.authoritative_script !== s.script) dbProblems.push(`${s.reference}: script ${row.authoritative_script}`);
          const written = s.script === 'zh-Hant' ? row.text_hant : row.text_hans;
          if (!sameText(written, s.text)) dbProblems.push(`${s.reference}: text differs: ${JSON.stringify(written)}`);
        }
        const steps = (
          await client.query(`select notification_id, kind, count(*)::int as n from notification_events where kind in ('drafted', 'submitted', 'sent') group by 1, 2`)
        ).rows as { notification_id: string; kind: string; n: number }[];
        for (const step of steps) if (step.n !== 1) dbProblems.push(`notification ${step.notification_id}: ${step.n} '${step.kind}' timeline entries`);
        const audits = (await client.query(`select entity_id, action, count(*)::int as n from audit_log where action in ('notification.drafted', 'notification.submitted', 'notification.sent') group by 1, 2`)).rows as {
          entity_id: string;
          action: string;
          n: number;
        }[];
        for (const a of audits) if (a.n !== 1) dbProblems.push(`notification ${a.entity_id}: ${a.n} '${a.action}' audit entries`);
        const sentAudits = new Set(audits.filter((a) => a.action === 'notification.sent').map((a) => a.entity_id));
        for (const s of sent) if (!sentAudits.has(s.id)) dbProblems.push(`${s.reference}: no audit entry for sending`);
      } finally {
        await client.end();
      }

      // ---- The audit trail's hash chain, with the server stopped. ----
      await server!.stop();
      const audit = runCli(['audit', 'verify'], { DATABASE_URL: database!.url, LIAISON_DATA_DIR: dataDir });

      const numbers = references.map((r) => Number(r.split('-').at(-1))).sort((a, b) => a - b);
      const gapless = numbers.every((n, i) => n === i + 1);
      console.log(
        [
          `kill -9 reliability run (${TOTAL_SENDS} sends at up to ${SEND_RATE_PER_SECOND}/s took ${(sendingMs / 1000).toFixed(1)} s, PostgreSQL):`,
          `  sends attempted ${counts.attempted}, answered 2xx ${counts.answered}, kills ${counts.kills} (restarts took ${restartMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)`,
          `  ticks held back (${MAX_IN_FLIGHT} sends already in flight) ${counts.heldBack}`,
          `  requests ${counts.requests}, failed during outages ${counts.failedDuringOutages}, timed out after ${REQUEST_TIMEOUT_MS / 1000} s ${counts.timedOut}, 5xx ${counts.http5xx}, idempotent replays ${counts.replayed}, sends that had to retry ${counts.interruptedSends}`,
          `  database: ${allRows} notifications, ${sentRows} sent (${sentNotAnswered} sent without a 2xx answer to the client), references ${gapless ? 'numbered 1…' + numbers.length + ' without gaps' : 'with gaps: ' + numbers.join(',')}`,
          `  why requests failed: ${[...failureReasons].map(([reason, n]) => `${reason} ×${n}`).join('; ') || 'none'}`,
          `  recipient's inbox: ${inboxIds.length} listed`,
          `  audit verify: ${audit.output.trim()}`,
        ].join('\n'),
      );

      expect(unexpected, 'unexpected answers').toEqual([]);
      expect(apiProblems, 'checked through the API').toEqual([]);
      expect(dbProblems, 'checked in the database').toEqual([]);
      expect(audit.status, audit.output).toBe(0);
      expect(audit.output).toMatch(/^OK: \d+ audit entries verify, up to the checkpoint of /m);
      expect(counts.kills).toBe(KILLS);
      expect(counts.answered, 'every send is retried until answered').toBe(TOTAL_SENDS);
      if (KILLS > 0) expect(counts.failedDuringOutages, 'the kills should have interrupted some requests').toBeGreaterThan(0);
      expect(inboxIds.length).toBe(sentRows);
    }, 600_000);
  });
}
