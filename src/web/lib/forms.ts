import { ApiError } from '../api.ts';

/** Per-field messages from a failed save: `fieldError('username')`, matching nested fields too. */
export function fieldErrors(error: unknown) {
  return (field: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    return error.fieldMessage(field) ?? error.fields.find((f) => f.field.startsWith(`${field}.`))?.message;
  };
}

/** Empty inputs are sent as null (cleared) or left out, never as "". */
export const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
export const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());
