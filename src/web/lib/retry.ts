/**
 * When a failed query is asked again. A 4xx will not change by asking again: shown at once. A
 * server error (5xx) is asked once more, quickly, then shown: an officer waiting seven seconds
 * for an error learns nothing in that time. A dropped connection (status 0) may come back:
 * two quick tries.
 */
export function shouldRetry(failures: number, error: unknown): boolean {
  // An ApiError carries the HTTP status (0: no answer); anything else is a fault of the page.
  const status = error && typeof error === 'object' && 'status' in error && typeof error.status === 'number' ? error.status : null;
  if (status === null) return failures < 1;
  if (status >= 400 && status < 500) return false;
  if (status >= 500) return failures < 1;
  return failures < 2;
}

/** Quick: half a second, then one second. */
export const retryDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 1000);
