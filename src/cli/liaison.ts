import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { DataDirLockedError } from '../server/db/lock.ts';
import { NoDatabaseError, openConfiguredDatabase } from '../server/db/open.ts';
import { AuditKeyMissingError, auditKeysFromFile } from '../server/audit/audit-keys.ts';
import { fileCheckpointStore } from '../server/audit/checkpoints.ts';
import { verifyAuditTrail, type VerifyFailure } from '../server/audit/verify-audit.ts';
import { systemClock } from '../server/platform/clock.ts';
import { readConfig } from '../server/platform/config.ts';
import { prepare } from '../server/start.ts';

const usage = `Usage: liaison <command>

Commands:
  audit verify      Check the audit trail without changing it: every link of its hash chain, every
                    entry's MAC under the audit key, and the chain against the checkpoints kept
                    outside the database. Prints OK or what does not verify.
  backup <file>     Write a copy of the embedded database to <file> (a .tar.gz PGlite data directory dump).

Reads the same LIAISON_DATA_DIR / DATABASE_URL, LIAISON_AUDIT_KEY_FILE and
LIAISON_AUDIT_CHECKPOINT_FILE as the server. The embedded database can be opened by one
process only: stop the server first.`;

/** Something to say instead of verifying: the verification would mean nothing. */
class CannotVerify extends Error {}

const failures: Record<VerifyFailure, string> = {
  hash_mismatch: 'its content does not match its hash',
  broken_link: 'it does not link to the entry before it',
  left_out: 'it lies behind the chain but is not in it',
  forged: 'it is not authenticated by the audit key: it was not written by Liaison, or it was changed and the chain recomputed',
  rewritten: 'the chain differs from a checkpoint: it was recomputed',
  truncated: 'the chain is shorter than a checkpoint saw it: entries were deleted',
  bad_checkpoint: 'the checkpoint file is not authenticated by the audit key',
};

async function auditVerify(): Promise<number> {
  const config = readConfig();
  const keys = auditKeysFromFile(config.auditKeyFile, { create: false });
  const checkpoints = fileCheckpointStore(config.auditCheckpointFile).read();
  if (checkpoints === null) throw new CannotVerify(`there is no checkpoint file at ${config.auditCheckpointFile} (LIAISON_AUDIT_CHECKPOINT_FILE)`);
  // Read only: never a new database where none is, no migration, no sealing.
  const database = await openConfiguredDatabase(config, { auditKeys: keys, readOnly: true });
  try {
    const present = await database.db.execute(sql`select to_regclass('public.audit_log') is not null and to_regclass('public.reference_loads') is not null and exists (select from pg_attribute where attrelid = to_regclass('public.audit_log') and attname = 'mac') as liaison`);
    const rows = (present as unknown as { rows: { liaison: boolean }[] }).rows;
    if (!rows[0]?.liaison) throw new CannotVerify(`the database ${config.databaseUrl ? '(DATABASE_URL)' : `in ${config.dataDir}`} holds no Liaison data, or was not yet upgraded (start the server once)`);
    const result = await verifyAuditTrail(database.db, { keys, checkpoints });
    if (result.ok) {
      console.log(
        `OK: ${result.entries} audit entries verify, up to the checkpoint of ${result.checkpoint.at} (link ${result.checkpoint.position})` +
          (result.beyondCheckpoint ? `; ${result.beyondCheckpoint} after it are not yet checkpointed` : '') +
          (result.unsealed ? `; ${result.unsealed} not yet chained` : '') +
          '.',
      );
      return 0;
    }
    console.log(`FAILED: ${result.firstBadId ? `audit entry ${result.firstBadId}: ` : ''}${failures[result.reason]} (${result.detail}); ${result.entries} entries before it verify.`);
    return 1;
  } finally {
    await database.close();
  }
}

async function backup(file: string | undefined): Promise<number> {
  const config = readConfig();
  if (!file) {
    console.error('backup needs a file name, e.g. liaison backup liaison-backup.tar.gz');
    return 64;
  }
  if (config.databaseUrl) {
    console.error('With DATABASE_URL, back up PostgreSQL with its own tools (pg_dump).');
    return 64;
  }
  const { database } = await prepare(config, systemClock, { bootstrap: false });
  try {
    const client = (database.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    console.log(`Wrote ${file}. To restore, stop Liaison and unpack it as ${config.dataDir}/pgdata.`);
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'audit' && sub === 'verify') return auditVerify();
  if (command === 'backup') return backup(sub ?? rest[0]);
  console.log(usage);
  return command === undefined || command === 'help' || command === '--help' ? 0 : 64;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CannotVerify || error instanceof NoDatabaseError || error instanceof AuditKeyMissingError) {
    console.error(`liaison: cannot verify: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof DataDirLockedError) {
    console.error(`liaison: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
