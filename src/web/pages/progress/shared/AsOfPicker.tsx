import { useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../../lib/localized.ts';
import { paperDate, today } from './asOf.ts';

/** Long labels wrap on a phone instead of running off the screen. */
const wrapping = { label: { whiteSpace: 'normal' as const } };

/**
 * The day figures are shown as at: a date field, with the day of the October 2015 paper and
 * today one press away. The field changes the page only when a whole date is entered.
 */
export function AsOfPicker({ value, onChange, label }: { value: string; onChange: (day: string) => void; label?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [typed, setTyped] = useState(value);
  const [shown, setShown] = useState(value);
  // Follow a change from outside (a quick button, the address) without a state-syncing effect.
  if (shown !== value) {
    setShown(value);
    setTyped(value);
  }
  const choose = (day: string) => {
    setTyped(day);
    onChange(day);
  };
  return (
    <Group align="end" gap="xs">
      <TextInput
        type="date"
        label={label ?? t('progress.asOf.label')}
        value={typed}
        max="9999-12-31"
        onChange={(e) => {
          const day = e.currentTarget.value;
          setTyped(day);
          if (/^\d{4}-\d{2}-\d{2}$/.test(day)) onChange(day);
        }}
        w={190}
      />
      <Button variant={value === paperDate ? 'light' : 'default'} onClick={() => choose(paperDate)} aria-pressed={value === paperDate} h="auto" mih={36} styles={wrapping}>
        {t('progress.asOf.paper', { date: formatDate(paperDate, locale) })}
      </Button>
      <Button variant={value === today() ? 'light' : 'default'} onClick={() => choose(today())} aria-pressed={value === today()}>
        {t('progress.asOf.today')}
      </Button>
    </Group>
  );
}
