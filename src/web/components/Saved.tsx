import { Alert } from '@mantine/core';

/** A short confirmation after a save, announced to screen readers. */
export function Saved({ show, children }: { show: boolean; children: string }) {
  if (!show) return null;
  return (
    <Alert color="teal" variant="light" role="status">
      {children}
    </Alert>
  );
}
