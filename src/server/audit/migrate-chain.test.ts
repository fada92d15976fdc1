import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { engines, type Engine } from '../../../test/support/harness.ts';
import type { Db } from '../db/open.ts';
import * as schema from '../db/schema.ts';
import { auditChain } from '../db/schema.ts';
import { entryBody, type AuditFields } from './chain.ts';
import { auditedDatabase, recordAudit, systemActor } from './record-audit.ts';
import { ephemeralAuditKeys } from './audit-keys.ts';
import { memoryCheckpointStore, writeCheckpoint } from './checkpoints.ts';
import { sealAuditTrail } from './seal.ts';
import { verifyAuditTrail } from './verify-audit.ts';
import { ManualClock } from '../platform/clock.ts';
// The trail's mechanics do not depend on what is recorded: these tests write marker entries of their own.
import type { AuditAction, AuditEntity } from '../../shared/audit-actions.ts';

const migrations = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../migrations');

/** The migrations folder as it stood before `tag`: its SQL files and a journal that ends before it. */
function migrationsBefore(tag: string) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'liaison-migrations-'));
  const journal = JSON.parse(readFileSync(path.join(migrations, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  expect(upTo).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, upTo);
  for (const entry of journal.entries) copyFileSync(path.join(migrations, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  mkdirSync(path.join(folder, 'meta'));
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  return folder;
}

/** A fresh database with drizzle's migrator over it, not opened through openDatabase (which migrates to the end). */
async function bareDatabase(engine: Engine) {
  if (engine === 'pglite') {
    const client = new PGlite();
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return { db, migrate: (folder: string) => migratePglite(db as never, { migrationsFolder: folder }), close: () => client.close() };
  }
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    migrate: (folder: string) => migratePg(db as never, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: base.toString() });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

describe.each(engines)('the audit chain moved out of the trail (migration 0008) on %s', (engine) => {
  const cleanup: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('keeps the links made before it, which verify, and chains what comes after them', async () => {
    const before = migrationsBefore('0008_audit_sealed_after_commit');
    cleanup.push(() => rmSync(before, { recursive: true, force: true }));
    const database = await bareDatabase(engine);
    cleanup.push(database.close);
    const { db } = database;
    await database.migrate(before);

    // Entries appended as the code before 0008 did: audit_append hashes each onto the last.
    const at = new Date('2026-11-20T02:03:04.005Z');
    const entry = (action: string, data: Record<string, unknown>): AuditFields => ({ at, actorId: null, actor: '系統', action, entityType: 'test', entityId: action, unitId: null, data });
    const appended = [entry('old.first', { title: '冷凍蝦仁驗出孔雀石綠', n: [1, 2.5] }), entry('old.second', { nested: { b: 'ü', a: null } }), entry('old.third', {})];
    const asAppended = (e: AuditFields) => ({ ...e, at: e.at.toISOString(), body: entryBody(e) });
    await db.execute(sql`select audit_append(1, ${JSON.stringify(appended.slice(0, 2).map(asAppended))}::jsonb)`);
    await db.execute(sql`select audit_append(1, ${JSON.stringify(appended.slice(2).map(asAppended))}::jsonb)`);
    const oldLinks = (await db.execute(sql`select id, prev_hash, hash from audit_log order by id`)) as unknown as { rows: { id: number; prev_hash: string; hash: string }[] };
    expect(oldLinks.rows).toHaveLength(3);

    await database.migrate(migrations);

    const links = await db.select().from(auditChain).orderBy(asc(auditChain.position));
    expect(links.map((l) => [Number(l.entryId), l.prevHash, l.hash])).toEqual(oldLinks.rows.map((r) => [Number(r.id), r.prev_hash, r.hash]));
    expect(links.map((l) => Number(l.position))).toEqual([1, 2, 3]);
    // The first start after the upgrade makes the audit key and checkpoints the chain: that checkpoint vouches for the entries made before MACs.
    const anchor = { keys: ephemeralAuditKeys(), checkpoints: memoryCheckpointStore() };
    cleanup.push(auditedDatabase(db, anchor.keys).sealer.stop);
    await writeCheckpoint(db, new ManualClock(at), anchor);
    const verify = () => verifyAuditTrail(db, { keys: anchor.keys, checkpoints: anchor.checkpoints.checkpoints });
    expect(await verify()).toMatchObject({ ok: true, entries: 3, unsealed: 0, beyondCheckpoint: 0 });

    await recordAudit(db, new ManualClock(at), { actor: systemActor, action: 'new.after' as AuditAction, entityType: 'test' as AuditEntity, entityId: 'after' });
    // Sealed once no older transaction runs anywhere on the server (other test files' may, a moment).
    await expect.poll(async () => (await sealAuditTrail(db), await verify()), { timeout: 10_000 }).toMatchObject({ ok: true, entries: 4, unsealed: 0, beyondCheckpoint: 1 });
    const [fourth] = await db.select().from(auditChain).where(sql`${auditChain.position} = 4`);
    expect(fourth.prevHash).toBe(oldLinks.rows[2].hash);
  });
});
