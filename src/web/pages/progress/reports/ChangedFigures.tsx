import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../lib/localized.ts';
import { useFigures } from '../shared/figures.ts';
import type { Report } from '../types.ts';
import { useIndicators } from './useIndicators.ts';

/** Figures corrected or recorded since the draft was made: the narrative around them may need a second look. */
export function ChangedFigures({ report }: { report: Report }) {
  const { t } = useTranslation();
  const pick = usePick();
  const { figure, number } = useFigures();
  const indicators = useIndicators(report.asOf);
  return (
    <Alert color="yellow" variant="light" title={t('progress.changed.title')} role="alert" styles={{ title: { color: 'var(--mantine-color-text)' } }}>
      <Text size="sm" mb="xs">
        {t('progress.changed.intro')}
      </Text>
      <List size="sm" spacing={2}>
        {report.changedFigures.map((c) => {
          const indicator = indicators.get(c.indicatorCode);
          const shown = (value: number) => (indicator ? figure(value, indicator.current?.qualifier ?? 'exactly', indicator.unit) : number(value));
          return (
            <List.Item key={c.indicatorCode}>
              {t('progress.changed.item', { name: indicator ? pick(indicator.name) : c.indicatorCode, was: shown(c.was), now: shown(c.now) })}
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
