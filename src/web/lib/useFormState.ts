import { useState } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** Plain controlled-form state: `text('email')` wires a text input, `set('roles')` any other field. */
export function useFormState<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const text = <K extends StringKeys<T>>(key: K) => ({
    value: values[key] as string,
    onChange: (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value as T[K]),
  });
  return { values, setValues, set, text };
}
