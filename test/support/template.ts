import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { hmacAuditKeys } from '../../src/server/audit/audit-keys.ts';
import { openDatabase, type Database } from '../../src/server/db/open.ts';
import { ManualClock } from '../../src/server/platform/clock.ts';
import { readConfig } from '../../src/server/platform/config.ts';
import type { Context } from '../../src/server/platform/context.ts';
import { loadProgressData } from '../../src/server/progress/load-progress.ts';
import { loadReferenceData } from '../../src/server/reference/load-reference.ts';
import { loadIpData } from '../../src/server/ip/load-ip.ts';

/** Where the global setup left the template (a file path), for the test workers. */
export const TEMPLATE_ENV = 'LIAISON_TEST_PGLITE_TEMPLATE';

/**
 * The audit key of every database made from the template: the template's audit entries were
 * authenticated with it, so the test that verifies the trail must hold the same key (a fake
 * behind the keys interface; the real one lives in a file the operator names).
 */
const templateAuditKeys = () => hmacAuditKeys(createHash('sha256').update('liaison test template audit key').digest());

/**
 * An in-memory embedded database, migrated, with the reference data and the paper's figures
 * loaded by the same code and clock as a test app would load them, as PGlite's dump.
 */
export async function buildPgliteTemplate(): Promise<Buffer> {
  const database = await openDatabase({ engine: 'pglite', dataDir: null, auditKeys: templateAuditKeys() });
  try {
    const ctx: Context = { db: database.db, clock: new ManualClock(), config: readConfig({}) };
    await loadReferenceData(ctx);
    await loadProgressData(ctx);
  await loadIpData(ctx);
    await loadIpData(ctx);
    return Buffer.from(await (await database.dump!()).arrayBuffer());
  } finally {
    await database.close();
  }
}

/**
 * A fresh in-memory database started from the template when the global setup made one: the
 * same as migrating and loading, only faster. Without it (a file run on its own through another
 * runner), migrates as usual; the loads that follow then do the work.
 */
export async function openFromTemplate(): Promise<Database> {
  const file = process.env[TEMPLATE_ENV];
  if (!file || !fs.existsSync(file)) return openDatabase({ engine: 'pglite', dataDir: null });
  return openDatabase({ engine: 'pglite', dataDir: null, loadDataDir: new Blob([fs.readFileSync(file)]), auditKeys: templateAuditKeys() });
}
