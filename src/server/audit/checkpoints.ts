import fs from 'node:fs';
import path from 'node:path';
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../db/open.ts';
import { auditChain } from '../db/schema.ts';
import type { Clock } from '../platform/clock.ts';
import type { AuditKeys } from './audit-keys.ts';

/** The chain's head at a moment: its last position and that link's hash, authenticated by the audit key. */
export type Checkpoint = { position: number; hash: string; at: string; mac: string };

/** Where checkpoints are kept: somewhere the database owner cannot silently change (a file the operator names). */
export type CheckpointStore = {
  append(checkpoint: Checkpoint): void;
  /** Every checkpoint, oldest first; null when the store does not exist at all. */
  read(): Checkpoint[] | null;
  /** The newest checkpoint, without reading them all. */
  last(): Checkpoint | null;
  /** Where it is, for messages. */
  where: string;
};

/** Keys and checkpoints together: what anchors the trail outside the database. */
export type AuditAnchor = { keys: AuditKeys; checkpoints: CheckpointStore };

export const checkpointMessage = (c: Pick<Checkpoint, 'position' | 'hash' | 'at'>) => `checkpoint\n${c.position}\n${c.hash}\n${c.at}`;

/** A file of one JSON checkpoint per line, only ever appended to. */
export function fileCheckpointStore(file: string): CheckpointStore {
  return {
    where: file,
    append(checkpoint) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.appendFileSync(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
    },
    last() {
      if (!fs.existsSync(file)) return null;
      const fd = fs.openSync(file, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const tail = Buffer.alloc(Math.min(size, 4096));
        fs.readSync(fd, tail, 0, tail.length, size - tail.length);
        const line = tail.toString('utf8').trimEnd().split('\n').at(-1);
        return line ? (JSON.parse(line) as Checkpoint) : null;
      } catch {
        return null;
      } finally {
        fs.closeSync(fd);
      }
    },
    read() {
      if (!fs.existsSync(file)) return null;
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          try {
            return JSON.parse(line) as Checkpoint;
          } catch {
            return { position: -1, hash: '', at: '', mac: '' };
          }
        });
    },
  };
}

export function memoryCheckpointStore(): CheckpointStore & { checkpoints: Checkpoint[] } {
  const checkpoints: Checkpoint[] = [];
  return { where: 'memory', checkpoints, append: (c) => void checkpoints.push(c), read: () => [...checkpoints], last: () => checkpoints.at(-1) ?? null };
}

/**
 * Appends a checkpoint of the chain's head when it has moved since the last one (or when there
 * is none yet, even of an empty chain: from then on an emptied trail shows). Returns it, or null.
 */
export async function writeCheckpoint(db: DbOrTx, clock: Clock, anchor: AuditAnchor): Promise<Checkpoint | null> {
  const [head] = await db.select({ position: auditChain.position, hash: auditChain.hash }).from(auditChain).orderBy(desc(auditChain.position)).limit(1);
  const position = head?.position ?? 0;
  const last = anchor.checkpoints.last();
  if (last && last.position >= position) return null;
  const unsigned = { position, hash: head?.hash ?? '', at: clock.now().toISOString() };
  const checkpoint = { ...unsigned, mac: anchor.keys.mac(checkpointMessage(unsigned)) };
  anchor.checkpoints.append(checkpoint);
  return checkpoint;
}
