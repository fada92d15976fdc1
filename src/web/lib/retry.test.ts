import { describe, expect, it } from 'vitest';
import { retryDelay, shouldRetry } from './retry.ts';

/** What ApiError carries (api.ts loads the app's languages, which need a browser). */
class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

describe('asking again after a failed query', () => {
  it('never asks again after a 4xx: the answer will not change', () => {
    for (const status of [400, 401, 403, 404, 409, 429]) expect(shouldRetry(0, new ApiError(status, 'x', 'x'))).toBe(false);
  });
  it('asks once more after a server error, then shows it', () => {
    expect(shouldRetry(0, new ApiError(500, 'x', 'x'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'x', 'x'))).toBe(false);
  });
  it('tries twice more when the connection dropped, quickly', () => {
    expect(shouldRetry(1, new ApiError(0, 'network', 'x'))).toBe(true);
    expect(shouldRetry(2, new ApiError(0, 'network', 'x'))).toBe(false);
    // The whole wait before the error is shown stays under two seconds.
    expect(retryDelay(0) + retryDelay(1)).toBeLessThanOrEqual(1500);
  });
});
