import { mapRelationalRow, type BuildRelationalQueryResult, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './open.ts';

/** What drizzle's relational query keeps to itself: the built SQL and the shape to map its rows by. */
type Built = { query: BuildRelationalQueryResult; builtQuery: Query };
type RelationalQuery = PromiseLike<unknown> & { toSQL(): Query };

/**
 * A relational query (`db.query.<table>.findFirst`) whose SQL is built once, with the values
 * that change as `sql.placeholder(name)`, and then run with new values on whichever handle is
 * given: the pool or a transaction. Drizzle otherwise builds the SQL text on every call; for a
 * notification's page with its eleven relations that cost about 2 ms of CPU and 1 MB of
 * garbage per call, more than PostgreSQL spends answering it. On PostgreSQL it is a named
 * prepared statement: each connection parses it once, and after five runs may keep one plan
 * for it (planning took 0.7 ms a time). The result is what the query itself gives (a test compares the two).
 */
export function relationalBuiltOnce<Q extends RelationalQuery>(name: string, table: keyof NonNullable<DbOrTx['_']['schema']>, build: (db: DbOrTx) => Q) {
  type Row = Awaited<Q>;
  let built: Built | undefined;
  return async (db: DbOrTx, values: Record<string, unknown>): Promise<Row> => {
    built ??= (build(db) as unknown as { _toSQL(): Built })._toSQL();
    const { query, builtQuery } = built;
    const schema = db._.schema!;
    const prepared = db._.session.prepareQuery<{ execute: Row; all: unknown; values: unknown }>(builtQuery, undefined, name, true, (rows, mapColumnValue) =>
      rows.length ? (mapRelationalRow(schema, schema[table], rows[0], query.selection, mapColumnValue) as Row) : (undefined as Row),
    );
    return prepared.execute(values);
  };
}

/**
 * A query prepared once for each database (the pool; not for a transaction, which is a handle
 * of its own) and then run with new values (`sql.placeholder`): for the statement every request
 * runs, the signed-in user behind a session. On PostgreSQL it is also a named prepared
 * statement, parsed once per connection. Give it the pool: a transaction is a handle of its
 * own, for which it would be built anew each time.
 */
export function preparedOnce<P>(prepare: (db: Db) => P) {
  const byDatabase = new WeakMap<Db, P>();
  return (db: Db): P => {
    let prepared = byDatabase.get(db);
    if (!prepared) byDatabase.set(db, (prepared = prepare(db)));
    return prepared;
  };
}

const dialect = new PgDialect();

/**
 * A statement written as sql`…`, with the values that change as `sql.placeholder(name)`, built
 * once and run with new values on whichever handle is given (pool or transaction); on
 * PostgreSQL a named prepared statement. For a statement on every send's path whose text is
 * long (the e-mail to a unit's officers, with its messages in three languages).
 */
export function statementBuiltOnce(name: string, build: () => SQL) {
  let built: Query | undefined;
  return async (db: DbOrTx, values: Record<string, unknown>): Promise<void> => {
    built ??= dialect.sqlToQuery(build());
    await db._.session.prepareQuery(built, undefined, name, false).execute(values);
  };
}
