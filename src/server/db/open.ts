import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { auditedDatabase } from '../audit/record-audit.ts';
import { sealAuditTrail } from '../audit/seal.ts';

/** One database type for both engines: services never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The embedded engine's whole data directory as a tar (PGlite's dumpDataDir); absent on PostgreSQL. */
  dump?(): Promise<Blob>;
};

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export type OpenOptions =
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string | null /* null: in memory */; /** Starts from a dump (PGlite's dumpDataDir), e.g. the tests' migrated template. */ loadDataDir?: Blob };

/**
 * The drizzle handle made ready: its transactions audited, its migrations applied, and the
 * audit entries a crash left unchained chained. `close` ends the engine after the sealer.
 */
async function ready(drizzleDb: unknown, migrate: (db: Db) => Promise<void>, engine: Database['engine'], end: () => Promise<void>): Promise<Database> {
  const { db, sealer } = auditedDatabase(drizzleDb as Db);
  await migrate(db);
  await sealAuditTrail(db);
  return {
    db,
    engine,
    close: async () => {
      await sealer.stop();
      await end();
    },
  };
}

/** Opens the database, takes the embedded engine's lock, and applies pending migrations. */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection that the server drops (restart, administrator) is discarded by the
    // pool and replaced on next use; without a listener it would bring the process down.
    pool.on('error', (error) => process.stderr.write(`database: idle connection lost: ${error.message}\n`));
    return ready(drizzlePg(pool, { schema }), (db) => migratePg(db as never, { migrationsFolder }), 'postgres', () => pool.end());
  }
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const client = new PGlite(options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
    await client.waitReady;
    const database = await ready(drizzlePglite(client, { schema }), (db) => migratePglite(db as never, { migrationsFolder }), 'pglite', async () => {
      await client.close();
      release();
    });
    return { ...database, dump: () => client.dumpDataDir('none') };
  } catch (error) {
    release();
    throw error;
  }
}

/** Picks the engine from the configuration: DATABASE_URL means PostgreSQL. */
export function openConfiguredDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir });
}
