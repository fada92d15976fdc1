import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { auditChain, auditLog } from '../db/schema.ts';
import { ADMIN_PASSWORD, engines, logInAs, startTestApp, unitId, type TestApp } from '../../../test/support/harness.ts';
import { verifyAuditTrail } from './verify-audit.ts';
import { recordAudit, systemActor } from './record-audit.ts';
import { sealAuditTrail } from './seal.ts';
// The trail's mechanics do not depend on what is recorded: these tests write marker entries of their own.
import type { AuditAction, AuditEntity } from '../../shared/audit-actions.ts';

describe.each(engines)('audit trail on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());
  const verify = () => verifyAuditTrail(t.ctx.db, { keys: t.ctx.audit!.keys, checkpoints: t.ctx.audit!.checkpoints.read()! });

  it('records a change with who, what and when, in a chain that verifies', async () => {
    const admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    const unit = await unitId(t.ctx, 'mo-dsamma');
    await t.app.inject({ method: 'PATCH', url: `/api/v1/units/${unit}`, headers: { cookie: admin }, payload: { dutyPhone: '+853 2855 9922' } });
    const [last] = await t.ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ actor: 'admin', action: 'unit.updated', entityType: 'unit', entityId: unit, data: { dutyPhone: '+853 2855 9922' } });
    expect(last.at.toISOString()).toBe(t.clock.now().toISOString());
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('chains entries once their transaction has committed, hashed as the application verifies them, whatever their text', async () => {
    const data = { title: '冷凍蝦仁驗出孔雀石綠 🦐', nested: { b: [1, 2.5, null, 'ü'], a: 'line\nbreak "quoted" \\ tab\t' }, empty: {} };
    await t.ctx.db.transaction(async (tx) => {
      await recordAudit(tx, t.clock, { actor: { id: null, label: '系統' }, action: 'test.text' as AuditAction, entityType: 'test' as AuditEntity, entityId: '甲', unitId: null, data });
      await recordAudit(tx, t.clock, { actor: systemActor, action: 'test.text' as AuditAction, entityType: 'test' as AuditEntity, entityId: '乙', data: {} });
    });
    const [second, first] = await t.ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(2);
    expect(first).toMatchObject({ actor: '系統', actorId: null, unitId: null, entityId: '甲', data });
    // On PostgreSQL a transaction still running in any database of the server (another test
    // file's) holds sealing back for a moment: the horizon is the server's, not this database's.
    const sealedLinks = async () => {
      await sealAuditTrail(t.ctx.db);
      return t.ctx.db.select().from(auditChain).where(inArray(auditChain.entryId, [first.id, second.id])).orderBy(auditChain.position);
    };
    await expect.poll(async () => (await sealedLinks()).length, { timeout: 10_000 }).toBe(2);
    const links = await sealedLinks();
    expect(links.map((l) => l.entryId)).toEqual([first.id, second.id]);
    expect(links[1].position).toBe(links[0].position + 1);
    expect(links[1].prevHash).toBe(links[0].hash);
    await expect.poll(() => verify(), { timeout: 10_000 }).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('refuses to update or delete history in the database itself', async () => {
    await expect(t.ctx.db.execute(sql`update audit_log set actor = 'mallory'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await sealAuditTrail(t.ctx.db);
    await expect(t.ctx.db.execute(sql`update audit_chain set hash = 'forged'`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from audit_chain`)).rejects.toThrow();
  });

  it('leaves no change and no audit entry when an operation fails', async () => {
    const before = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const admin = await logInAs(t.app, 'admin', ADMIN_PASSWORD);
    const afterLogin = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin },
      payload: { code: 'hk-fhb', partyCode: 'HK', name: { 'zh-Hant': '重複', en: 'Duplicate' } },
    });
    expect(bad.statusCode).toBe(409);
    const after = await t.ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0].n).toBe(afterLogin[0].n);
    expect(afterLogin[0].n).toBe(before[0].n + 1); // the log-in itself
  });

  it('drops the entries of a savepoint that rolls back, and keeps those of the transaction around it', async () => {
    const action = `test.savepoint.${engine}`;
    await t.ctx.db.transaction(async (tx) => {
      await recordAudit(tx, t.clock, { actor: systemActor, action: action as AuditAction, entityType: 'test' as AuditEntity, entityId: 'kept' });
      await expect(
        tx.transaction(async (inner) => {
          await recordAudit(inner, t.clock, { actor: systemActor, action: action as AuditAction, entityType: 'test' as AuditEntity, entityId: 'dropped' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
    });
    const rows = await t.ctx.db.select({ entityId: auditLog.entityId }).from(auditLog).where(sql`${auditLog.action} = ${action}`);
    expect(rows.map((r) => r.entityId)).toEqual(['kept']);
    expect(await verify()).toMatchObject({ ok: true });
  });

  // PGlite has one connection: its transactions run one after the other anyway.
  if (engine === 'postgres') {
    it('lets a change commit while another audited transaction is still at work', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let recorded!: () => void;
      const slowHasRecorded = new Promise<void>((resolve) => (recorded = resolve));
      const slow = t.ctx.db.transaction(async (tx) => {
        await recordAudit(tx, t.clock, { actor: systemActor, action: 'test.slow' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'slow' });
        recorded();
        await held;
      });
      await slowHasRecorded;
      // Were the chain's lock taken when the slow transaction recorded, this would wait for it.
      const quick = t.ctx.db.transaction((tx) => recordAudit(tx, t.clock, { actor: systemActor, action: 'test.quick' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'quick' }));
      const first = await Promise.race([quick.then(() => 'quick'), new Promise((resolve) => setTimeout(() => resolve('blocked'), 2_000))]);
      release();
      await slow;
      expect(first).toBe('quick');
      const order = await t.ctx.db.select({ action: auditLog.action }).from(auditLog).where(sql`${auditLog.action} in ('test.slow', 'test.quick')`).orderBy(auditLog.id);
      expect(order.map((r) => r.action)).toEqual(['test.quick', 'test.slow']);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('chains an entry only when every older transaction has ended, so that the chain never goes back', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const olderHasStarted = new Promise<void>((resolve) => (started = resolve));
      // The older transaction takes its transaction id first (it writes), and records last.
      const older = t.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_current_xact_id()`);
        started();
        await held;
        await recordAudit(tx, t.clock, { actor: systemActor, action: 'test.horizon' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'older' });
      });
      await olderHasStarted;
      const chained = () =>
        t.ctx.db
          .select({ entityId: auditLog.entityId })
          .from(auditChain)
          .innerJoin(auditLog, eq(auditLog.id, auditChain.entryId))
          .where(eq(auditLog.action, 'test.horizon'))
          .orderBy(auditChain.position);
      try {
        await t.ctx.db.transaction((tx) => recordAudit(tx, t.clock, { actor: systemActor, action: 'test.horizon' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'younger' }));
        await sealAuditTrail(t.ctx.db);
        // The younger one has committed, but the older could still write an entry before it.
        expect(await chained()).toEqual([]);
        // (At least it: a transaction of another database on the same server holds the horizon too.)
        const waiting = await verify();
        expect(waiting).toMatchObject({ ok: true });
        expect(waiting.ok && waiting.unsealed).toBeGreaterThanOrEqual(1);
      } finally {
        // Whatever failed above, the held transaction ends: left open, it would hold every sealer on the server.
        release();
        await older;
      }
      await expect.poll(async () => (await sealAuditTrail(t.ctx.db), (await chained()).map((r) => r.entityId)), { timeout: 10_000 }).toEqual(['older', 'younger']);
      await expect.poll(() => verify(), { timeout: 10_000 }).toMatchObject({ ok: true, unsealed: 0 });
    });

    it('keeps the chain whole when many transactions append at once', async () => {
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          t.ctx.db.transaction(async (tx) => {
            await recordAudit(tx, t.clock, { actor: systemActor, action: 'test.concurrent' as AuditAction, entityType: 'test' as AuditEntity, entityId: String(i) });
            await recordAudit(tx, t.clock, { actor: systemActor, action: 'test.concurrent' as AuditAction, entityType: 'test' as AuditEntity, entityId: `${i}b` });
          }),
        ),
      );
      expect(await verify()).toMatchObject({ ok: true });
    });
  }

  it('detects an entry written behind the chain, which would never be chained', async () => {
    await sealAuditTrail(t.ctx.db);
    const [oldest] = await t.ctx.db.select({ xid: auditLog.xid }).from(auditChain).innerJoin(auditLog, eq(auditLog.id, auditChain.entryId)).orderBy(auditChain.position).limit(1);
    // Inserting is allowed (the trail is append-only); backdating the transaction id is not seen by the sealer.
    const [forged] = await t.ctx.db
      .insert(auditLog)
      .values({ at: t.clock.now(), actorId: null, actor: 'mallory', action: 'test.backdated' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'forged', unitId: null, data: {}, xid: oldest.xid })
      .returning({ id: auditLog.id });
    expect(await verify()).toMatchObject({ ok: false, firstBadId: forged.id, reason: 'left_out' });
  });

  it('detects an altered entry: verify names the first entry that does not verify', async () => {
    // The victim is an entry already chained: on a PostgreSQL server other databases share, an
    // entry waits to be chained while a transaction elsewhere is still running (seal.ts), and an
    // unchained entry that was altered shows as not authenticated (forged), not as a broken hash.
    const chained = await t.ctx.db.select({ id: auditLog.id }).from(auditLog).innerJoin(auditChain, eq(auditChain.entryId, auditLog.id)).orderBy(auditLog.id);
    const victim = chained[Math.floor(chained.length / 2)];
    // An attacker with owner rights can disable the trigger; the chain still gives it away.
    await t.ctx.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.ctx.db.execute(sql`update audit_log set data = '{"dutyPhone":"changed"}'::jsonb where id = ${victim.id}`);
    await t.ctx.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    expect(await verify()).toMatchObject({ ok: false, firstBadId: victim.id, reason: 'hash_mismatch' });
  });
});
