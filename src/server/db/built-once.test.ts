import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, arrayContains, asc, eq, sql, type SQL } from 'drizzle-orm';
import { meetings, notificationEvents, notifications, readMarks } from './schema.ts';
import { relationalBuiltOnce } from './built-once.ts';
import { buildUser, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { call, draftBody } from '../../../test/support/notifications.ts';

describe.each(engines)('a relational query built once, on %s', (engine) => {
  let t: TestApp;
  let sent: string;
  let draft: string;
  let gdOfficerId: string;

  // The meetings a unit takes part in, as the page asks for them: with a placeholder, or as the literal condition.
  const withEvents = (id: unknown, userId: unknown, ofUnit: SQL) => ({
    where: eq(notifications.id, id as string),
    with: {
      sender: { columns: { id: true, code: true, name: true } },
      events: { orderBy: asc(notificationEvents.id) },
      readMarks: { columns: { readAt: true }, where: eq(readMarks.userId, userId as string) },
      meetings: { columns: { id: true, title: true }, where: and(eq(meetings.triggerKind, 'notification'), ofUnit), orderBy: asc(meetings.title) },
    },
  });
  const builtOnce = relationalBuiltOnce('liaison_test_notification_events', 'notifications', (db) =>
    db.query.notifications.findFirst(withEvents(sql.placeholder('id'), sql.placeholder('userId'), sql`${sql.placeholder('unitId')}::uuid = any(${meetings.unitIds})`)),
  );
  const itself = (id: string, userId: string, unitId: string | null) =>
    t.ctx.db.query.notifications.findFirst(withEvents(id, userId, unitId ? arrayContains(meetings.unitIds, [unitId]) : sql`false`));
  let fscoId: string;
  let fhbId: string;

  beforeAll(async () => {
    t = await startTestApp({ engine });
    const fsco = await unitId(t.ctx, 'gd-fsco');
    fscoId = fsco;
    fhbId = await unitId(t.ctx, 'hk-fhb');
    const officer = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['officer'] })).username);
    const approver = await logInAs(t.app, (await buildUser(t.ctx, { unit: 'hk-fhb', roles: ['approver'] })).username);
    const gd = await buildUser(t.ctx, { unit: 'gd-fsco', roles: ['officer'] });
    gdOfficerId = gd.id;
    const gdOfficer = await logInAs(t.app, gd.username);
    sent = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco))).json().id;
    await call(t.app, officer, 'POST', `/notifications/${sent}/submit`);
    await call(t.app, approver, 'POST', `/notifications/${sent}/approve`);
    await call(t.app, gdOfficer, 'GET', `/notifications/${sent}`);
    const meeting = (title: string, unitIds: string[]) => ({ kind: 'joint_work', title, convenedByUnitId: fhbId, unitIds, scheduledAt: new Date('2026-12-01T02:00:00Z'), agenda: [], participants: [], decisions: [], triggerKind: 'notification', triggerId: sent, createdBy: 'test', createdAt: new Date(), updatedAt: new Date() });
    await t.ctx.db.insert(meetings).values([meeting('A both units', [fsco, fhbId]), meeting('B without Guangdong', [fhbId, await unitId(t.ctx, 'hk-edb')])]);
    draft = (await call(t.app, officer, 'POST', '/notifications', draftBody(fsco, { text: { title: '另一份草稿', scope: '範圍', measures: '措施', attention: '事項' } }))).json().id;
  });
  afterAll(() => t?.close());

  it('gives what the query itself gives, for each set of values', async () => {
    for (const [id, userId, unit] of [
      [sent, gdOfficerId, fscoId],
      [sent, gdOfficerId, fhbId],
      [sent, gdOfficerId, null],
      [draft, gdOfficerId, fscoId],
      [sent, '00000000-0000-4000-8000-000000000000', fscoId],
    ] as [string, string, string | null][]) {
      expect(await builtOnce(t.ctx.db, { id, userId, unitId: unit })).toEqual(await itself(id, userId, unit));
    }
    expect((await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId, unitId: fscoId }))!.meetings.map((m: { title?: string }) => m.title)).toEqual(['A both units']);
    expect((await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId, unitId: fhbId }))!.meetings).toHaveLength(2);
    expect((await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId, unitId: null }))!.meetings).toEqual([]);
    const first = await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId, unitId: fscoId });
    expect(first!.events.map((e) => e.kind)).toEqual(['drafted', 'submitted', 'sent', 'received']);
    expect(first!.events[0].at).toBeInstanceOf(Date);
    expect(first!.readMarks).toHaveLength(1);
    expect((await builtOnce(t.ctx.db, { id: draft, userId: gdOfficerId, unitId: fscoId }))!.textHant.title).toBe('另一份草稿');
  });

  it('answers undefined for no row, and sees what the transaction it runs in has written', async () => {
    expect(await builtOnce(t.ctx.db, { id: '00000000-0000-4000-8000-000000000000', userId: gdOfficerId, unitId: fscoId })).toBeUndefined();
    await t.ctx.db
      .transaction(async (tx) => {
        await tx.update(notifications).set({ status: 'closed' }).where(eq(notifications.id, sent));
        expect((await builtOnce(tx, { id: sent, userId: gdOfficerId, unitId: fscoId }))!.status).toBe('closed');
        tx.rollback();
      })
      .catch(() => {});
    expect((await builtOnce(t.ctx.db, { id: sent, userId: gdOfficerId, unitId: fscoId }))!.status).toBe('sent');
  });
});
