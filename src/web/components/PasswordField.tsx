import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/** Mantine's PasswordInput shows its error but does not mark the input invalid for screen readers; this does. */
export function PasswordField(props: PasswordInputProps & { name?: string; autoComplete?: string }) {
  return <PasswordInput {...props} aria-invalid={props.error ? true : undefined} />;
}
