import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, count, desc, gte, inArray, sql } from 'drizzle-orm';
import { auditChain, auditLog } from '../db/schema.ts';
import type { Tx } from '../db/open.ts';
import { engines, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { auditFields, entryHash } from './chain.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { recordAudit, systemActor } from './record-audit.ts';
import { sealAuditTrail } from './seal.ts';
import { verifyAuditTrail } from './verify-audit.ts';
// The trail's mechanics do not depend on what is recorded: these tests write marker entries of their own.
import type { AuditAction, AuditEntity } from '../../shared/audit-actions.ts';

/**
 * What the owner of the database can do with triggers switched off (session_replication_role =
 * replica), each of which `liaison audit verify` used to answer with OK. The audit key and the
 * checkpoints are outside the database, so each now shows.
 */
describe.each(engines)('the audit trail against its own database owner, on %s', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ engine });
    for (let i = 0; i < 6; i++) await t.ctx.db.transaction((tx) => recordAudit(tx, t.clock, { actor: systemActor, action: 'test.entry' as AuditAction, entityType: 'test' as AuditEntity, entityId: `e${i}`, data: { i } }));
    await expect.poll(async () => (await sealAuditTrail(t.ctx.db), (await unchained()).length), { timeout: 10_000 }).toBe(0);
    expect(await writeCheckpoint(t.ctx.db, t.clock, t.ctx.audit!)).not.toBeNull();
    expect(await verify()).toMatchObject({ ok: true, beyondCheckpoint: 0, unsealed: 0 });
  });
  afterEach(() => t?.close());

  const verify = () => verifyAuditTrail(t.ctx.db, { keys: t.ctx.audit!.keys, checkpoints: t.ctx.audit!.checkpoints.read()! });
  const unchained = () => t.ctx.db.execute(sql`select id from audit_log where id not in (select entry_id from audit_chain)`).then((r) => (r as unknown as { rows: unknown[] }).rows);
  /** As the database owner: the append-only triggers do not fire. */
  const asOwner = (work: (tx: Tx) => Promise<unknown>) =>
    t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await work(tx);
    });
  const links = () => t.ctx.db.select().from(auditChain).orderBy(asc(auditChain.position));

  it('detects the newest entries deleted with their links', async () => {
    const tail = (await links()).slice(-3);
    await asOwner(async (tx) => {
      await tx.delete(auditChain).where(gte(auditChain.position, tail[0].position));
      await tx.delete(auditLog).where(inArray(auditLog.id, tail.map((l) => l.entryId)));
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'truncated', entries: tail[0].position - 1 });
  });

  it('detects every entry deleted (no more "OK: 0")', async () => {
    await asOwner(async (tx) => {
      await tx.delete(auditChain);
      await tx.delete(auditLog);
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'truncated', entries: 0 });
  });

  it('detects a back-dated entry inserted behind Liaison, before and after the sealer chains it', async () => {
    const [forged] = await t.ctx.db
      .insert(auditLog)
      .values({ at: new Date('2026-01-05T01:00:00Z'), actorId: null, actor: 'admin', action: 'user.created' as AuditAction, entityType: 'user' as AuditEntity, entityId: 'backdated', unitId: null, data: {} })
      .returning({ id: auditLog.id });
    expect(await verify()).toMatchObject({ ok: false, reason: 'forged', firstBadId: forged.id });
    await expect.poll(async () => (await sealAuditTrail(t.ctx.db), (await unchained()).length), { timeout: 10_000 }).toBe(0);
    expect(await verify()).toMatchObject({ ok: false, reason: 'forged', firstBadId: forged.id });
  });

  it('detects a copy of a genuine entry inserted again (its MAC, with its own nonce, appears twice)', async () => {
    const [genuine] = await t.ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const { id: _id, xid: _xid, ...copy } = genuine;
    const [again] = await t.ctx.db.insert(auditLog).values(copy).returning({ id: auditLog.id });
    expect(await verify()).toMatchObject({ ok: false, reason: 'forged', firstBadId: again.id });
  });

  it('detects an entry changed and the chain recomputed from it', async () => {
    const chain = await links();
    const victim = chain[Math.floor(chain.length / 2)];
    await asOwner(async (tx) => {
      await tx.update(auditLog).set({ data: { changed: true } }).where(sql`${auditLog.id} = ${victim.entryId}`);
      const entries = await tx.select().from(auditLog).where(inArray(auditLog.id, chain.map((l) => l.entryId)));
      const byId = new Map(entries.map((e) => [e.id, e]));
      let prev = chain[victim.position - 2]?.hash ?? '0'.repeat(64);
      for (const link of chain.slice(victim.position - 1)) {
        const hash = entryHash(prev, auditFields(byId.get(link.entryId)!));
        await tx.update(auditChain).set({ prevHash: prev, hash }).where(sql`${auditChain.position} = ${link.position}`);
        prev = hash;
      }
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'forged', firstBadId: victim.entryId });
  });

  it('detects a chain that differs from a checkpoint, and a checkpoint file edited', async () => {
    const chain = await links();
    const last = chain.at(-1)!;
    // A checkpoint saying the head is elsewhere, as a recomputed chain would disagree with the real one.
    const checkpoints = t.ctx.audit!.checkpoints.read()!;
    const forged = { ...checkpoints.at(-1)!, hash: 'f'.repeat(64) };
    expect(await verifyAuditTrail(t.ctx.db, { keys: t.ctx.audit!.keys, checkpoints: [...checkpoints.slice(0, -1), forged] })).toMatchObject({ ok: false, reason: 'bad_checkpoint' });
    const rekeyed = { ...forged, mac: t.ctx.audit!.keys.mac(`checkpoint\n${forged.position}\n${forged.hash}\n${forged.at}`) };
    expect(await verifyAuditTrail(t.ctx.db, { keys: t.ctx.audit!.keys, checkpoints: [...checkpoints, rekeyed] })).toMatchObject({ ok: false, reason: 'rewritten', firstBadId: last.entryId });
    expect(await verifyAuditTrail(t.ctx.db, { keys: t.ctx.audit!.keys, checkpoints: [] })).toMatchObject({ ok: false, reason: 'bad_checkpoint' });
  });

  it('never seals while it verifies, and counts what lies after the last checkpoint', async () => {
    await recordAudit(t.ctx.db, t.clock, { actor: systemActor, action: 'test.entry' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'unsealed' });
    const before = await t.ctx.db.select({ n: count() }).from(auditChain);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, unsealed: 1, beyondCheckpoint: 0 });
    expect(await t.ctx.db.select({ n: count() }).from(auditChain)).toEqual(before);
    await expect.poll(async () => (await sealAuditTrail(t.ctx.db), (await unchained()).length), { timeout: 10_000 }).toBe(0);
    expect(await verify()).toMatchObject({ ok: true, unsealed: 0, beyondCheckpoint: 1 });
  });
});
