import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';

/** Text shades readable (WCAG AA) on each colour's light tint; yellow and orange have none dark enough, so take near-black. */
const textShade: Record<string, string> = { yellow: 'dark.7', orange: 'dark.7', gray: 'gray.9' };

/** A small label on its colour's tint, or filled with its darkest shade. */
export function Tag({ color = 'gray', filled, children }: { color?: string; filled?: boolean; children: ReactNode }) {
  if (filled) {
    return (
      <Badge color={`${color}.9`} variant="filled">
        {children}
      </Badge>
    );
  }
  return (
    <Badge color={color} variant="light" c={textShade[color] ?? `${color}.9`}>
      {children}
    </Badge>
  );
}
