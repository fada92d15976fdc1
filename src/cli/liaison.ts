import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DataDirLockedError } from '../server/db/lock.ts';
import { verifyAuditTrail } from '../server/audit/verify-audit.ts';
import { systemClock } from '../server/platform/clock.ts';
import { readConfig } from '../server/platform/config.ts';
import { prepare } from '../server/start.ts';

const usage = `Usage: liaison <command>

Commands:
  audit verify      Recompute the audit trail's hash chain; prints OK or the first entry that does not verify.
  backup <file>     Write a copy of the embedded database to <file> (a .tar.gz PGlite data directory dump).

Reads the same LIAISON_DATA_DIR / DATABASE_URL as the server. The embedded database can be
opened by one process only: stop the server first.`;

async function auditVerify(): Promise<number> {
  const { database } = await prepare(readConfig(), systemClock, { bootstrap: false });
  try {
    const result = await verifyAuditTrail(database.db);
    if (result.ok) {
      console.log(`OK: ${result.entries} audit entries verify${result.unsealed ? ` (${result.unsealed} of transactions still running are chained later)` : ''}.`);
      return 0;
    }
    console.log(`FAILED: audit entry ${result.firstBadId} does not verify (${{ hash_mismatch: 'its content does not match its hash', broken_link: 'it does not link to the entry before it', left_out: 'it lies behind the chain but is not in it' }[result.reason]}); ${result.entries} entries before it verify.`);
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
  if (error instanceof DataDirLockedError) {
    console.error(`liaison: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
