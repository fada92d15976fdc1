/**
 * What else the machine was doing while sends were measured — the disk, PostgreSQL's background
 * work, other processes — so that a slow send can be told apart: our code, a commit waiting on
 * the disk, or a machine busy with something else.
 *
 * - `startDiskProbe(dir)`: a thread of its own writes 8 KiB and calls fdatasync — what a COMMIT
 *   does to the WAL — every 25 ms, in a file on the filesystem of PostgreSQL's data directory,
 *   and times each call. Run beside the send phase, its slow calls are the disk's stalls.
 * - `backgroundWork(db)`: PostgreSQL's counters of WAL written, checkpoints and autovacuum runs;
 *   the difference of two readings is what happened in between.
 * - `processCpu()`: the CPU time of every process on the machine (Linux /proc); the difference of
 *   two readings, less the processes measured, is the load others put on the machine.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/open.ts';

export type DiskSample = { at: number; ms: number };

const probeThread = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const fd = fs.openSync(workerData.file, 'w');
const block = Buffer.alloc(8192, 1);
const samples = [];
let stop = false;
let position = 0;
parentPort.on('message', () => (stop = true));
const tick = () => {
  if (stop) {
    fs.closeSync(fd);
    parentPort.postMessage(samples);
    return;
  }
  const at = performance.timeOrigin + performance.now();
  fs.writeSync(fd, block, 0, block.length, position);
  fs.fdatasyncSync(fd);
  samples.push({ at, ms: performance.timeOrigin + performance.now() - at });
  position = (position + block.length) % (1 << 20);
  setTimeout(tick, 25);
};
tick();
`;

/**
 * Where to probe: beside PostgreSQL's data directory when it is on this machine (a folder of our
 * own next to it, never inside it), else the temporary folder; `onDatabaseDisk` says which.
 */
export async function probeFolder(db: Db): Promise<{ folder: string; onDatabaseDisk: boolean }> {
  try {
    const { rows } = (await db.execute(sql`select current_setting('data_directory') as dir`)) as unknown as { rows: { dir: string }[] };
    const dataDir = rows[0].dir;
    if (existsSync(dataDir)) {
      const parent = path.dirname(dataDir);
      const folder = mkdtempSync(path.join(parent, 'liaison-disk-probe-'));
      return { folder, onDatabaseDisk: statSync(folder).dev === statSync(dataDir).dev };
    }
  } catch {
    // Not a superuser, not on this machine, or the folder is not ours to write: the temporary folder.
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'liaison-disk-probe-'));
  return { folder, onDatabaseDisk: false };
}

export function startDiskProbe(folder: string) {
  const worker = new Worker(probeThread, { eval: true, workerData: { file: path.join(folder, 'probe') } });
  // A run that fails before stop() neither hangs on the thread nor leaves the folder behind.
  worker.unref();
  const removeFolder = () => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeFolder);
  const done = new Promise<DiskSample[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    stop: async (): Promise<DiskSample[]> => {
      worker.postMessage('stop');
      const samples = await done;
      await worker.terminate();
      removeFolder();
      process.off('exit', removeFolder);
      return samples;
    },
  };
}

/** The disk's stalls (probe calls of at least `threshold` ms) that overlap [from, to] (epoch ms). */
export function stallsDuring(samples: DiskSample[], from: number, to: number, threshold: number) {
  return samples.filter((s) => s.ms >= threshold && s.at <= to && s.at + s.ms >= from);
}

type Counters = { walBytes: number; walFpi: number; checkpoints: number; autovacuums: number; autoanalyzes: number };

/**
 * PostgreSQL's counters of its background work; subtract two readings to see what happened
 * between them. Null where they cannot be read (a server too old for pg_stat_wal, or no rights).
 */
export async function backgroundWork(db: Db): Promise<Counters | null> {
  // PostgreSQL 17 moved the checkpoint counts from pg_stat_bgwriter to pg_stat_checkpointer.
  for (const checkpoints of [sql`select checkpoints_timed + checkpoints_req from pg_stat_bgwriter`, sql`select num_timed + num_requested from pg_stat_checkpointer`]) {
    try {
      const { rows } = (await db.execute(sql`
        select (select wal_bytes from pg_stat_wal)::float8 as "walBytes",
               (select wal_fpi from pg_stat_wal)::float8 as "walFpi",
               (${checkpoints})::float8 as checkpoints,
               (select coalesce(sum(autovacuum_count), 0) from pg_stat_all_tables)::float8 as autovacuums,
               (select coalesce(sum(autoanalyze_count), 0) from pg_stat_all_tables)::float8 as autoanalyzes`)) as unknown as { rows: Counters[] };
      return rows[0];
    } catch {
      // The other server version's view, or none.
    }
  }
  return null;
}

export function describeBackgroundWork(before: Counters | null, after: Counters | null, seconds: number) {
  if (!before || !after) return "PostgreSQL's own work meanwhile: not known (its statistics views could not be read)";
  const d = (k: keyof Counters) => after[k] - before[k];
  return (
    `PostgreSQL's own work meanwhile: WAL ${(d('walBytes') / 2 ** 20).toFixed(1)} MiB (${(d('walBytes') / 2 ** 20 / seconds).toFixed(2)} MiB/s, ` +
    `${d('walFpi')} full-page images), checkpoints ${d('checkpoints')}, autovacuum runs ${d('autovacuums')}, autoanalyze runs ${d('autoanalyzes')}`
  );
}

type ProcessCpu = Map<number, { name: string; ms: number }>;

/** A process's name and CPU time so far (user + system, ms), from /proc/<pid>/stat; null when unknown. */
function readProcess(pid: number): { name: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ms: ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 }; // utime, stime in USER_HZ (100)
  } catch {
    return null; // no /proc, or the process has ended
  }
}

/** CPU time a process has spent so far, in ms; null where there is no /proc. */
export const processCpuMs = (pid: number) => readProcess(pid)?.ms ?? null;

/** The name and CPU time of every process on the machine; empty where there is no /proc. */
export function processCpu(): ProcessCpu {
  const reading: ProcessCpu = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return reading;
  }
  for (const pid of pids) {
    const read = readProcess(Number(pid));
    if (read) reading.set(Number(pid), read);
  }
  return reading;
}

/**
 * The CPU that processes other than `measured` (pids) and PostgreSQL's used between two readings,
 * as a share of one core, with the busiest by name.
 */
export function describeOtherLoad(before: ProcessCpu, after: ProcessCpu, measured: number[], seconds: number) {
  if (!after.size) return 'the load of other processes is not known here (no /proc)';
  const byName = new Map<string, number>();
  for (const [pid, { name, ms }] of after) {
    if (measured.includes(pid) || name === 'postgres') continue;
    const used = ms - (before.get(pid)?.ms ?? 0);
    if (used > 0) byName.set(name, (byName.get(name) ?? 0) + used);
  }
  const share = (used: number) => `${((used / (seconds * 1000)) * 100).toFixed(0)} %`;
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  const busiest = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 3).filter(([, used]) => used >= seconds * 10);
  return `other processes on the machine meanwhile: ${share(total)} of one core${busiest.length ? ` (${busiest.map(([name, used]) => `${name} ${share(used)}`).join(', ')})` : ''}`;
}
