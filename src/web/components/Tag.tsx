import type { ReactNode } from 'react';
import { Badge } from '@mantine/core';

/** Text shades readable (WCAG AA) on each colour's light tint; yellow and orange have none dark enough, so take near-black. */
const textShade: Record<string, string> = { yellow: 'dark.7', orange: 'dark.7', gray: 'gray.9' };

/**
 * Never cut short: Mantine's badge hides what overflows, which lets a table shrink it to "警示通…".
 * Shown whole, it is as wide as its words.
 */
const whole = { root: { overflow: 'visible', flexShrink: 0 }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

/** A small label on its colour's tint, or filled with its darkest shade. */
export function Tag({ color = 'gray', filled, children }: { color?: string; filled?: boolean; children: ReactNode }) {
  if (filled) {
    return (
      <Badge color={`${color}.9`} variant="filled" styles={whole}>
        {children}
      </Badge>
    );
  }
  return (
    <Badge color={color} variant="light" c={textShade[color] ?? `${color}.9`} styles={whole}>
      {children}
    </Badge>
  );
}
