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
import { loadReferenceData } from '../server/reference/load-reference.ts';
import { AnchorError, exportAnchor, importAnchor, rotateNodeKey } from '../server/exchange/anchors.ts';
import { SignatureError } from '../server/exchange/signed.ts';
import { verifyEvidence } from '../server/exchange/verify-evidence.ts';

const usage = `Usage: liaison <command>

Commands:
  audit verify      Check the audit trail without changing it: every link of its hash chain, every
                    entry's MAC under the audit key, and the chain against the checkpoints kept
                    outside the database. Prints OK or what does not verify.
  backup <file>     Write a copy of the embedded database to <file> (a .tar.gz PGlite data directory dump).

  exchange export-anchor [file]
                    Write this node's signed anchor (identity, URL, public keys, hosted units) to
                    <file> (or print it), to send to the operators of peer nodes out of band.
  exchange import-anchor <file>
                    Trust a peer node from its anchor: its keys, URL and the units it hosts.
                    Prints the anchor's fingerprint: confirm it with the peer's operator.
  exchange rotate-key
                    Make a new signing key for this node (the old one is kept to verify what it
                    signed); then export the anchor again and send it to the peers.
  exchange verify-evidence <file>
                    Check an evidence bundle (downloaded from a record's exchange panel) offline:
                    every signature and receipt, with no database.

Node settings: LIAISON_NODE_NAME, LIAISON_NODE_PARTIES (e.g. HK), LIAISON_NODE_URL,
LIAISON_NODE_KEY_FILE (default <data dir>/node-keys.json).

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

/** The exchange commands that need this node's database (stop the server first on the embedded one). */
async function exchangeCommand(sub: string | undefined, file: string | undefined): Promise<number> {
  if (sub === 'verify-evidence') {
    if (!file) return usageError('verify-evidence needs the bundle file');
    const result = await verifyEvidence(fs.readFileSync(file, 'utf8'));
    for (const line of result.lines) console.log(line);
    console.log(result.ok ? 'OK: every message and receipt in the bundle verifies.' : 'FAILED: the bundle does not verify.');
    return result.ok ? 0 : 1;
  }
  if (!['export-anchor', 'import-anchor', 'rotate-key'].includes(sub ?? '')) return usageError(`unknown exchange command ${sub ?? ''}`);
  if (sub === 'import-anchor' && !file) return usageError('import-anchor needs the anchor file');
  const config = readConfig();
  const { database, ctx } = await prepare(config, systemClock, { bootstrap: false });
  try {
    await loadReferenceData(ctx);
    if (sub === 'export-anchor') {
      const text = await exportAnchor(ctx);
      if (file) {
        fs.writeFileSync(file, text);
        console.log(`Wrote this node's anchor to ${file}.`);
      } else process.stdout.write(text);
    } else if (sub === 'import-anchor') {
      const { anchor, fingerprint, units } = await importAnchor(ctx, fs.readFileSync(file!, 'utf8'));
      console.log(`Imported ${anchor.node.name} (${anchor.node.url}), ${units} units; fingerprint ${fingerprint}. Confirm the fingerprint with its operator.`);
    } else {
      const { retired, current } = await rotateNodeKey(ctx);
      console.log(`New signing key ${current} (the old one, ${retired}, is kept to verify what it signed). Export the anchor again and send it to the peers.`);
    }
    return 0;
  } catch (error) {
    if (error instanceof AnchorError || error instanceof SignatureError) {
      console.error(`liaison: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

function usageError(message: string) {
  console.error(`liaison: ${message}`);
  return 64;
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'exchange') return exchangeCommand(sub, rest[0]);
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
