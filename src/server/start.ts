import { openConfiguredDatabase, type Database } from './db/open.ts';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Context } from './platform/context.ts';
import { loadProgressData } from './progress/load-progress.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { ensureAdmin, ensureDemoUsers, separateDuties } from './accounts/bootstrap.ts';
import { ensureSampleSchools } from './schools/sample-schools.ts';

/**
 * Everything a start does before serving: open the database (migrations apply), load the
 * reference data and create the first accounts. Shared by the server and the CLI.
 */
export async function prepare(config: Config, clock: Clock, options: { bootstrap: boolean }) {
  const database: Database = await openConfiguredDatabase(config);
  const ctx: Context = { db: database.db, clock, config };
  if (!options.bootstrap) return { database, ctx, adminPassword: null, demoUsers: 0 };
  try {
    await loadReferenceData(ctx);
    await loadProgressData(ctx);
    const admin = await ensureAdmin(ctx);
    const demoUsers = await ensureDemoUsers(ctx);
    await ensureSampleSchools(ctx);
    await separateDuties(ctx);
    return { database, ctx, adminPassword: admin.password, demoUsers };
  } catch (error) {
    await database.close();
    throw error;
  }
}
