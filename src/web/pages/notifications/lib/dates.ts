/** `<input type="datetime-local">` speaks local wall-clock time without a zone; the API wants an instant. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The instant an officer typed (in their own time zone), or undefined when empty or unreadable, for the server to name. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A day from now on, as `<input type="date">` writes it. */
export const dayInput = (date: Date) => toLocalInput(date).slice(0, 10);
