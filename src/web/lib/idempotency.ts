import { useRef } from 'react';
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ApiError } from '../api.ts';

/** A random key; crypto.randomUUID exists only on https or localhost, getRandomValues everywhere. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One Idempotency-Key per form submission: the same key while that submission is sent again
 * (a lost answer, a second click), a new one once it has succeeded (`done()`). A refused
 * request is rolled back by the server, key and all, so keeping the key after a 4xx is harmless.
 */
export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  return {
    current: () => (key.current ??= newIdempotencyKey()),
    done: () => {
      key.current = null;
    },
  };
}

/** A POST that may be sent again without being done twice (see useIdempotencyKey). */
export function useIdempotentMutation<TData, TVariables = void>(
  post: (variables: TVariables, key: string) => Promise<TData>,
  options: Omit<UseMutationOptions<TData, Error, TVariables>, 'mutationFn' | 'retry'> = {},
) {
  const key = useIdempotencyKey();
  return useMutation<TData, Error, TVariables>({
    ...options,
    mutationFn: (variables) => post(variables, key.current()),
    // Only a dropped connection is worth sending again, and only with the same key.
    retry: (count, error) => count < 2 && error instanceof ApiError && error.status === 0,
    onSuccess: (...args) => {
      key.done();
      return options.onSuccess?.(...args);
    },
  });
}
