import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { notificationEvents, notifications, readMarks } from './schema.ts';
import { relationalBuiltOnce } from './built-once.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('a relational query built once, on %s', (engine) => {
  let t: TestApp;
  let sent: string;
  let draft: string;
  let gdOfficerId: string;

  const withEvents = (id: unknown, userId: unknown) => ({
    where: eq(notifications.id, id as string),
    with: {
      sender: { columns: { id: true, code: true, name: true } },
      events: { orderBy: asc(notificationEvents.id) },
      readMarks: { columns: { readAt: true }, where: eq(readMarks.userId, userId as string) },
    },
  });
  const builtOnce = relationalBuiltOnce('liaison_test_notification_events', 'notifications', (db) => db.query.notifications.findFirst(withEvents(sql.placeholder('id'), sql.placeholder('userId'))));

  beforeAll(async () => {
    t = await startTestApp({ engine });
    const fsco = await unitId(t.ctx, 'gd-fsco');
    const officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const gd = await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    gdOfficerId = gd.id;
    const gdOfficer = await logInAs(t.app, gd.username);
    sent = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco))).json().id;
    await call(t.app, officer, 'POST', `/notifications/${sent}/submit`);
    await call(t.app, approver, 'POST', `/notifications/${sent}/approve`);
    await call(t.app, gdOfficer, 'GET', `/notifications/${sent}`);
    draft = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco, { text: { title: '另一份草稿', scope: '範圍', measures: '措施', attention: '事項' } }))).json().id;
  });
  afterAll(() => t?.close());

  it('gives what the query itself gives, for each set of values', async () => {
    for (const [id, userId] of [
      [sent, gdOfficerId],
      [draft, gdOfficerId],
      [sent, '00000000-0000-4000-8000-000000000000'],
    ]) {
      const once = await builtOnce(t.ctx.db, { id, userId });
      const itself = await t.ctx.db.query.notifications.findFirst(withEvents(id, userId));
      expect(once).toEqual(itself);
    }
    const first = await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId });
    expect(first!.events.map((e) => e.kind)).toEqual(['drafted', 'submitted', 'sent', 'received']);
    expect(first!.events[0].at).toBeInstanceOf(Date);
    expect(first!.readMarks).toHaveLength(1);
    expect((await builtOnce(t.ctx.db, { id: draft, userId: gdOfficerId }))!.textHant.title).toBe('另一份草稿');
  });

  it('answers undefined for no row, and sees what the transaction it runs in has written', async () => {
    expect(await builtOnce(t.ctx.db, { id: '00000000-0000-4000-8000-000000000000', userId: gdOfficerId })).toBeUndefined();
    await t.ctx.db
      .transaction(async (tx) => {
        await tx.update(notifications).set({ status: 'closed' }).where(eq(notifications.id, sent));
        expect((await builtOnce(tx, { id: sent, userId: gdOfficerId }))!.status).toBe('closed');
        tx.rollback();
      })
      .catch(() => {});
    expect((await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId }))!.status).toBe('sent');
  });
});
