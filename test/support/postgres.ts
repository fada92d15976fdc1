import pg from 'pg';

/**
 * The suite's PostgreSQL guard. Tests that need PostgreSQL run only when TEST_DATABASE_URL is
 * set (as `.ci/run` sets it); without it they are left out with a line in the output, so that
 * `npm test` passes on a machine with only Node and Chromium. When the variable is set but
 * nothing answers there, the guard fails quickly with a message that says what to do.
 */

/** How long a connection attempt may take before the guard gives up (a filtered port never refuses). */
export const CONNECT_TIMEOUT_MS = 5_000;

/** The URL without its password, for messages. */
export const shownUrl = (url: string) => url.replace(/\/\/[^@/]*@/, '//…@');

/** The PostgreSQL the tests may use, or null when TEST_DATABASE_URL is unset. */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.TEST_DATABASE_URL?.trim() || null;
}

/** The line printed when a file that needs PostgreSQL is left out. */
export const leftOutNote = (what: string) => `${what}: left out, it needs PostgreSQL; set TEST_DATABASE_URL=postgres://… to run it.`;

export class PostgresUnreachableError extends Error {}

/** Connects to the server at `url` as a client to create databases; throws PostgresUnreachableError with advice when it does not answer. */
export async function connectTestPostgres(url: string, timeoutMs = CONNECT_TIMEOUT_MS): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    throw new PostgresUnreachableError(
      `TEST_DATABASE_URL is set to ${shownUrl(url)} but PostgreSQL does not answer there (${(error as Error).message || (error as { code?: string }).code}). ` +
        'Start PostgreSQL or unset TEST_DATABASE_URL to run the suite on the embedded database alone.',
    );
  }
}
