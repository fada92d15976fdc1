import type { ReactNode } from 'react';
import { Table } from '@mantine/core';

/**
 * A wide table that scrolls sideways on a phone. The scrolling region takes keyboard focus, so
 * that it can be scrolled without a mouse (WCAG 2.1.1), and is named for screen readers.
 */
export function ScrollTable({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label} className="scroll-shadows">
      {children}
    </Table.ScrollContainer>
  );
}
