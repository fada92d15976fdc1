import { openConfiguredDatabase, type Database } from './db/open.ts';
import { sealAuditTrail } from './audit/seal.ts';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Context } from './platform/context.ts';
import { loadProgressData } from './progress/load-progress.ts';
import { loadReferenceData } from './reference/load-reference.ts';
import { loadIpData } from './ip/load-ip.ts';
import { ensureAdmin, ensureDemoUsers, separateDuties } from './accounts/bootstrap.ts';
import { auditKeysFromFile } from './audit/audit-keys.ts';
import { fileCheckpointStore, writeCheckpoint, type AuditAnchor } from './audit/checkpoints.ts';
import { ensureSampleSchools } from './schools/sample-schools.ts';
import { ensureSamplePlans } from './sar-plans/sample-plans.ts';
import { nodeKeysFromFile } from './exchange/node-keys.ts';
import { attachExchange, exchangeRuntime } from './exchange/runtime.ts';
import { ensureSelfNode } from './exchange/queries.ts';
import { exchangeSpecs } from './modules.ts';

/**
 * Everything a start does before serving: open the database (migrations apply), load the
 * reference data and create the first accounts. Shared by the server and the CLI.
 */
export async function prepare(config: Config, clock: Clock, options: { bootstrap: boolean }) {
  // The audit key is made on first start (in the data directory unless configured elsewhere).
  const audit: AuditAnchor = { keys: auditKeysFromFile(config.auditKeyFile, { create: true }), checkpoints: fileCheckpointStore(config.auditCheckpointFile) };
  const database: Database = await openConfiguredDatabase(config, { auditKeys: audit.keys });
  const ctx: Context = { db: database.db, clock, config, audit };
  // The node's identity and signing keys are made on first start too (beside the audit key unless configured elsewhere).
  const nodeKeys = await nodeKeysFromFile(config.nodeKeyFile, { create: true, now: clock.now() });
  attachExchange(ctx, exchangeRuntime(nodeKeys, exchangeSpecs));
  await ensureSelfNode(ctx.db, ctx, nodeKeys);
  if (!options.bootstrap) return { database, ctx, adminPassword: null, demoUsers: 0 };
  try {
    await loadReferenceData(ctx);
    await loadProgressData(ctx);
    await loadIpData(ctx);
    const admin = await ensureAdmin(ctx);
    const demoUsers = await ensureDemoUsers(ctx);
    await ensureSampleSchools(ctx);
    await ensureSamplePlans(ctx);
    await separateDuties(ctx);
    await sealAuditTrail(ctx.db);
    await writeCheckpoint(ctx.db, clock, audit);
    return { database, ctx, adminPassword: admin.password, demoUsers };
  } catch (error) {
    await database.close();
    throw error;
  }
}
