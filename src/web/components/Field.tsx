import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** One term and its value in a definition list (<dl>) of a record's details. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm">
        {children}
      </Text>
    </div>
  );
}
