import { sql } from 'drizzle-orm';
import type { Db } from './open.ts';

/** Runs queries in a transaction with planner settings that hold until it ends. */
function withPlanner<T>(db: Db, settings: Record<string, string>, query: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // The costs such a plan is estimated at make PostgreSQL compile it (JIT), which took 14 ms
    // of a 48 ms search walking the inbox: more than running it.
    const set = Object.entries({ ...settings, jit: 'off' }).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
    await tx.execute(sql`select ${sql.join(set, sql`, `)}`);
    return query(tx as unknown as Db);
  });
}

/*
 * PostgreSQL's estimate for a text query is no guide to choosing a plan: it takes the bigrams
 * of a phrase to be independent and expects a handful of rows where there are thousands. The
 * callers know better (they count first), and say which way to go.
 */

/** Walk an ordered index and check each row: for a query known to match many records. */
export const walkingIndexes = <T>(db: Db, query: (tx: Db) => Promise<T>) =>
  withPlanner(db, { enable_bitmapscan: 'off', enable_seqscan: 'off', enable_hashjoin: 'off', enable_mergejoin: 'off', enable_material: 'off', max_parallel_workers_per_gather: '0' }, query);

/** Start from the text index's matches and look each one up: for counting up to a cap. */
export const fromTextMatches = <T>(db: Db, query: (tx: Db) => Promise<T>) =>
  withPlanner(db, { enable_seqscan: 'off', enable_hashjoin: 'off', enable_mergejoin: 'off', max_parallel_workers_per_gather: '0' }, query);
