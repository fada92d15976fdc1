import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

/** The statements of migration 0009 that fill in the new columns for what existed before it. */
const backfills = readFileSync(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../migrations/0009_four_eyes_and_own_advice.sql'), 'utf8')
  .split('--> statement-breakpoint')
  .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
  .filter((statement) => statement.startsWith('UPDATE'));

type Filled = { id: string; a: string | null; b: string | boolean | null };

/**
 * Migration 0009 fills in, from the timeline, what the code records from now on: which unit
 * referred a consultation and whether it was shared, and who wrote a notification before it
 * was sent. Run on records the code made, with those columns scrambled, it must give them back.
 */
describe.each(engines)('the writers of drafts and the owners of consultations filled in for records made before they were kept (migration 0009) on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  it('gives back what the code recorded for consultations and for the writers of drafts', async () => {
    expect(backfills).toHaveLength(2);
    const fsco = await unitId(t.ctx, 'gd-fsco');
    const hk = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const hkApprover = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const hkApprover2 = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const gd = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] })).username);
    const ask = (cookie: string, id: string) => call(t.app, cookie, 'POST', `/notifications/${id}/expert-consultations`, { question: 'q', experts: [{ name: 'e' }] });

    const sent = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await ask(hk, sent.id);
    await call(t.app, hk, 'POST', `/notifications/${sent.id}/submit`);
    await call(t.app, hkApprover, 'POST', `/notifications/${sent.id}/approve`);
    await ask(gd, sent.id);
    await ask(hk, sent.id);
    const edited = (await call(t.app, hk, 'POST', '/notifications', draftBody(fsco))).json();
    await call(t.app, hkApprover, 'PATCH', `/notifications/${edited.id}`, { summaryEn: 'edited by an approver' });
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/${edited.id}/attachments`,
      headers: { cookie: hkApprover2, 'content-type': 'multipart/form-data; boundary=b' },
      payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="lab.txt"\r\nContent-Type: text/plain\r\n\r\nlab\r\n--b--\r\n',
    });
    expect(attached.statusCode).toBe(201);
    await call(t.app, hk, 'POST', `/notifications/${edited.id}/submit`);
    // Author, editor and attacher: none may approve it.
    expect((await call(t.app, hkApprover2, 'GET', `/notifications/${edited.id}`)).json().can.approve).toBe(false);

    const read = async (): Promise<Filled[]> => {
      const consultations = (await t.ctx.db.execute(sql`select id::text, unit_id::text as a, shared as b from expert_consultations order by id`)) as unknown as { rows: Filled[] };
      const writers = (await t.ctx.db.execute(
        sql`select id::text, (select string_agg(x::text, ',' order by x::text) from unnest(editor_ids) x) as a, null as b from notifications where status in ('draft', 'returned', 'submitted') order by id`,
      )) as unknown as { rows: Filled[] };
      return [...consultations.rows, ...writers.rows];
    };
    const recorded = await read();
    expect(recorded.filter((r) => r.b === true)).toHaveLength(2);

    await t.ctx.db.execute(sql`update expert_consultations set unit_id = (select id from units where code = 'mo-dsamma'), shared = not shared`);
    await t.ctx.db.execute(sql`update notifications set editor_ids = '{}'`);
    expect(await read()).not.toEqual(recorded);
    for (const statement of backfills) await t.ctx.db.execute(sql.raw(statement));
    expect(await read()).toEqual(recorded);
  });
});
