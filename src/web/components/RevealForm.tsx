import type { ReactNode } from 'react';
import { Button, Group, Stack } from '@mantine/core';
import { ErrorNotice } from './status.tsx';
import { Reveal } from './Reveal.tsx';

/** A record's secondary form behind a button: its fields, the server's message and one submit button, all named by the label. */
export function RevealForm({ label, action, children }: { label: string; action: { mutate: () => void; error: unknown; isPending: boolean }; children: ReactNode }) {
  return (
    <Reveal label={label}>
      <form
        noValidate
        aria-label={label}
        onSubmit={(e) => {
          e.preventDefault();
          action.mutate();
        }}
      >
        <Stack gap="xs">
          <ErrorNotice error={action.error} />
          {children}
          <Group>
            <Button type="submit" variant="light" loading={action.isPending}>
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Reveal>
  );
}
