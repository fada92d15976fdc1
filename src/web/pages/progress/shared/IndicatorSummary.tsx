import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../lib/localized.ts';
import type { Indicator } from '../types.ts';
import { useFigures } from './figures.ts';
import { TargetProgress } from './TargetProgress.tsx';

/** An indicator's latest figure as at the chosen day, and its progress toward each target. */
export function IndicatorSummary({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const pick = usePick();
  const { figure, when } = useFigures();
  const current = indicator.current;
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={600}>
          {pick(indicator.name)}
        </Text>
        <Text size="sm">
          {current ? t('progress.indicator.latest', { figure: figure(current.value, current.qualifier, indicator.unit), when: when(current) }) : t('progress.indicator.noFigure')}
        </Text>
      </div>
      {indicator.targets.map((target) => (
        <TargetProgress key={target.id} target={target} />
      ))}
    </Stack>
  );
}
