import { defineConfig } from 'vitest/config';
import { leftOutNote, testPostgresUrl } from './test/support/postgres.ts';

/** Test files that need PostgreSQL itself (not just either engine): run only when TEST_DATABASE_URL is set. */
const needPostgres = ['test/reliability/**'];
const withPostgres = testPostgresUrl() !== null;
if (!withPostgres) console.log(leftOutNote(`The kill -9 reliability test (${needPostgres.join(', ')})`));

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'data/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(withPostgres ? [] : needPostgres)],
    // The embedded database migrated and loaded once per run; each file's test app starts from it.
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file opens its own database; two at a time keeps a 2-core machine responsive.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
