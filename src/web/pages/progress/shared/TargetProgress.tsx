import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { Target } from '../types.ts';
import { useFigures } from './figures.ts';
import { StatusBadge } from './StatusBadge.tsx';

const barColour = { met: 'teal', in_progress: 'blue', missed: 'red', no_measurement: 'gray' } as const;

/** One target with how far the figures have come toward it: computed by the server, never typed in. */
export function TargetProgress({ target }: { target: Target }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { percent, period } = useFigures();
  const { progress } = target;
  const share = progress.fraction === null ? 0 : Math.min(100, Math.round(progress.fraction * 100));
  const due = target.period ? period(target.period) : target.date ? formatDate(target.date, locale) : null;
  return (
    <div>
      <Group justify="space-between" align="start" gap="xs" wrap="nowrap">
        <Text size="sm">{pick(target.text)}</Text>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          <StatusBadge kind="target" status={progress.status} />
          <Text size="sm" fw={600} miw={40} ta="right">
            {percent(progress.fraction)}
          </Text>
        </Group>
      </Group>
      <Progress value={share} color={barColour[progress.status]} size="md" mt={4} aria-label={t('progress.target.bar', { target: pick(target.text) })} />
      {due && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('progress.target.due', { due })}
        </Text>
      )}
    </div>
  );
}
