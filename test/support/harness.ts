import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase, type Database } from '../../src/server/db/open.ts';
import { units, users } from '../../src/server/db/schema.ts';
import { ManualClock } from '../../src/server/platform/clock.ts';
import { readConfig, type Config } from '../../src/server/platform/config.ts';
import type { Context, Role } from '../../src/server/platform/context.ts';
import { hashPassword } from '../../src/server/accounts/secrets.ts';
import { loadProgressData } from '../../src/server/progress/load-progress.ts';
import { loadReferenceData } from '../../src/server/reference/load-reference.ts';
import { loadIpData } from '../../src/server/ip/load-ip.ts';
import { memoryCheckpointStore, writeCheckpoint } from '../../src/server/audit/checkpoints.ts';
import { sealAuditTrail } from '../../src/server/audit/seal.ts';
import { ensureAdmin } from '../../src/server/accounts/bootstrap.ts';
import { connectTestPostgres } from './postgres.ts';
import { openFromTemplate } from './template.ts';

export type Engine = 'pglite' | 'postgres';

/** The engines the integration suite runs on: always the embedded one, PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const ADMIN_PASSWORD = 'admin-password-for-tests';
export const PASSWORD = 'correct horse battery staple';

/**
 * A fresh database: in-memory PGlite (from the run's migrated and loaded template when there is
 * one), or a new, empty PostgreSQL database created beside TEST_DATABASE_URL and dropped on close.
 */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') return openFromTemplate();
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `liaison_test_${randomBytes(6).toString('hex')}`;
  const admin = await connectTestPostgres(base.toString());
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = await connectTestPostgres(base.toString());
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  ctx: Context;
  clock: ManualClock;
  database: Database;
  close(): Promise<void>;
};

/** A whole Liaison on a fresh database with the reference data and the admin account loaded. */
export async function startTestApp(options: { engine?: Engine; config?: Partial<Config>; serveWeb?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase(options.engine ?? 'pglite');
  const clock = new ManualClock();
  const config: Config = { ...readConfig({}), adminPassword: ADMIN_PASSWORD, ...options.config };
  const ctx: Context = { db: database.db, clock, config, audit: { keys: database.auditKeys, checkpoints: memoryCheckpointStore() } };
  await loadReferenceData(ctx);
  await loadProgressData(ctx);
  await loadIpData(ctx);
  await ensureAdmin(ctx);
  // As a start does: the trail so far chained and checkpointed.
  await sealAuditTrail(ctx.db);
  await writeCheckpoint(ctx.db, clock, ctx.audit!);
  const app = await buildApp(ctx, { serveWeb: options.serveWeb ?? false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export async function unitId(ctx: Context, code: string): Promise<string> {
  const [unit] = await ctx.db.select({ id: units.id }).from(units).where(eq(units.code, code));
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

let userCounter = 0;
/** Factory: a user of a liaison unit with the given roles; its password is PASSWORD. */
export async function buildUser(ctx: Context, options: { unit: string; roles: Role[]; username?: string }) {
  const username = options.username ?? `${options.roles.join('-') || 'user'}-${options.unit}-${++userCounter}`;
  const [user] = await ctx.db
    .insert(users)
    .values({
      username,
      displayName: `Test ${username}`,
      unitId: await unitId(ctx, options.unit),
      roles: options.roles,
      passwordHash: await hashPassword(PASSWORD),
    })
    .returning();
  return user;
}

/** Logs in through the API and returns the Cookie header to send with later requests. */
export async function logInAs(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`log-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'liaison_session');
  return `liaison_session=${cookie!.value}`;
}
