import { z } from 'zod';

export const errorSchema = z.object({
  error: z.object({
    code: z.string().describe('Stable error code, e.g. validation.failed'),
    message: z.string().describe("Message in the caller's language"),
    fields: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
  }),
});

/** The error answers an endpoint can give, for its OpenAPI description. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorSchema])) as Record<number, typeof errorSchema>;
}
