import { useState } from 'react';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../lib/localized.ts';
import type { Indicator, Measurement } from '../types.ts';
import { useFigures } from '../shared/figures.ts';
import { TargetProgress } from '../shared/TargetProgress.tsx';
import { CorrectFigureForm } from './CorrectFigureForm.tsx';
import { MeasurementsTable } from './MeasurementsTable.tsx';
import { ProgressChart } from './ProgressChart.tsx';
import { RecordFigureForm } from './RecordFigureForm.tsx';

type Props = {
  indicator: Indicator;
  /** The reader works in the owning unit: offer to record and correct figures. */
  keeps: boolean;
  asOf: string;
  /** A figure was recorded that is true after the day shown: show the figures as at that day. */
  onRecorded: (day: string) => void;
};

/** An indicator with its targets, its figures over time as a chart and a table, and the forms of the owning unit. */
export function IndicatorDetail({ indicator, keeps, asOf, onRecorded }: Props) {
  const { t } = useTranslation();
  const pick = usePick();
  const { figure, when } = useFigures();
  const [correcting, setCorrecting] = useState<Measurement | null>(null);
  const [recording, setRecording] = useState(false);
  const headingId = `indicator-${indicator.code}`;
  const editable = keeps && !indicator.derivation;
  const { current, baseline } = indicator;

  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {pick(indicator.name)}
          </Title>
          <Text size="sm">
            {current ? t('progress.indicator.latest', { figure: figure(current.value, current.qualifier, indicator.unit), when: when(current) }) : t('progress.indicator.noFigure')}
          </Text>
          {baseline && (
            <Text size="sm" c="dimmed">
              {t('progress.indicator.baseline', { figure: figure(baseline.value, 'exactly', indicator.unit), when: when({ ...baseline, asOf: baseline.date ?? '' }) })}
            </Text>
          )}
          {indicator.derivation && (
            <Text size="sm" c="dimmed">
              {t('progress.indicator.derived')}
            </Text>
          )}
        </div>
        {indicator.targets.map((target) => (
          <TargetProgress key={target.id} target={target} />
        ))}
        <ProgressChart indicator={indicator} />
        <MeasurementsTable indicator={indicator} asOf={asOf} onCorrect={editable ? setCorrecting : undefined} />
        {correcting && <CorrectFigureForm key={correcting.id} measurement={correcting} unit={indicator.unit} onClose={() => setCorrecting(null)} />}
        {editable && !recording && (
          <div>
            <Button variant="light" onClick={() => setRecording(true)}>
              {t('progress.record.open')}
            </Button>
          </div>
        )}
        {editable && recording && (
          <RecordFigureForm
            indicator={indicator}
            asOf={asOf}
            onClose={() => setRecording(false)}
            onRecorded={(day) => {
              setRecording(false);
              if (day > asOf) onRecorded(day);
            }}
          />
        )}
      </Stack>
    </Card>
  );
}
