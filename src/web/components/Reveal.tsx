import { useId, useState, type ReactNode } from 'react';
import { Box, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A secondary form behind a button, so that a record's page is not a wall of empty forms. */
export function Reveal({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <Box>
      <Group gap="xs">
        <Button variant={open ? 'subtle' : 'light'} size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls={id}>
          {open ? t('notifications.hide', { what: label }) : label}
        </Button>
      </Group>
      <div id={id} hidden={!open}>
        {open && <Box mt="xs">{children}</Box>}
      </div>
    </Box>
  );
}
