import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engines, startTestApp, type TestApp } from '../../../test/support/harness.ts';
import { fromTextMatches, walkingIndexes } from './planner.ts';

describe.each(engines)('planner settings for a text search, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine });
  });
  afterAll(() => t?.close());

  const settings = async (db: TestApp['ctx']['db']) =>
    ((await db.execute(sql`select current_setting('jit') as jit, current_setting('enable_bitmapscan') as bitmap, current_setting('enable_seqscan') as seq`)) as unknown as { rows: Record<string, string>[] }).rows[0];

  it('hold for the query only, and never compile it (JIT)', async () => {
    const before = await settings(t.ctx.db);
    expect(await walkingIndexes(t.ctx.db, settings)).toEqual({ jit: 'off', bitmap: 'off', seq: 'off' });
    expect(await fromTextMatches(t.ctx.db, settings)).toEqual({ jit: 'off', bitmap: before.bitmap, seq: 'off' });
    expect(await settings(t.ctx.db)).toEqual(before);
  });
});
