import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.ts';
import { acquireDataDirLock } from './lock.ts';
import { auditedDatabase } from '../audit/record-audit.ts';
import { sealAuditTrail } from '../audit/seal.ts';
import { ephemeralAuditKeys, type AuditKeys } from '../audit/audit-keys.ts';

import type { Db } from './types.ts';

// The database types live in types.ts, which the audit trail (hooked in here) reads too.
export type { Db, DbOrTx, Tx } from './types.ts';

export type Database = {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The key the audit entries written through db are authenticated with. */
  auditKeys: AuditKeys;
  close(): Promise<void>;
  /** The embedded engine's whole data directory as a tar (PGlite's dumpDataDir); absent on PostgreSQL. */
  dump?(): Promise<Blob>;
};

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export type OpenOptions = (
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string | null /* null: in memory */; /** Starts from a dump (PGlite's dumpDataDir), e.g. the tests' migrated template. */ loadDataDir?: Blob }
) & {
  /** The audit key (default: one made for this process, for tests and in-memory databases). */
  auditKeys?: AuditKeys;
  /**
   * Only read what is there (`liaison audit verify`): no migrations, no sealing, and an
   * embedded data directory that does not exist is an error, not a new database.
   */
  readOnly?: boolean;
};

export class NoDatabaseError extends Error {}

/**
 * The drizzle handle made ready: its transactions audited, its migrations applied, and the
 * audit entries a crash left unchained chained. `close` ends the engine after the sealer.
 */
async function ready(drizzleDb: unknown, migrate: (db: Db) => Promise<void>, engine: Database['engine'], end: () => Promise<void>, options: OpenOptions): Promise<Database> {
  const auditKeys = options.auditKeys ?? ephemeralAuditKeys();
  const { db, sealer } = auditedDatabase(drizzleDb as Db, auditKeys);
  if (!options.readOnly) {
    await migrate(db);
    await sealAuditTrail(db);
  }
  return {
    db,
    engine,
    auditKeys,
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
    return ready(drizzlePg(pool, { schema }), (db) => migratePg(db as never, { migrationsFolder }), 'postgres', () => pool.end(), options);
  }
  if (options.readOnly && !(options.dataDir && fs.existsSync(path.join(options.dataDir, 'pgdata', 'PG_VERSION')))) {
    throw new NoDatabaseError(`there is no embedded database in ${options.dataDir ?? 'memory'} (LIAISON_DATA_DIR; or set DATABASE_URL)`);
  }
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const client = new PGlite(options.dataDir ? path.join(options.dataDir, 'pgdata') : undefined, options.loadDataDir ? { loadDataDir: options.loadDataDir } : undefined);
    await client.waitReady;
    const database = await ready(drizzlePglite(client, { schema }), (db) => migratePglite(db as never, { migrationsFolder }), 'pglite', async () => {
      await client.close();
      release();
    }, options);
    return { ...database, dump: () => client.dumpDataDir('none') };
  } catch (error) {
    release();
    throw error;
  }
}

/** Picks the engine from the configuration: DATABASE_URL means PostgreSQL. */
export function openConfiguredDatabase(config: { databaseUrl: string | null; dataDir: string }, options: { auditKeys?: AuditKeys; readOnly?: boolean } = {}): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ engine: 'postgres', url: config.databaseUrl, ...options })
    : openDatabase({ engine: 'pglite', dataDir: config.dataDir, ...options });
}
