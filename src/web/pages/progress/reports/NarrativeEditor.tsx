import { useQuery } from '@tanstack/react-query';
import { Accordion, Code, Stack, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { usePick } from '../../../lib/localized.ts';
import { progressApi, progressKeys } from '../progressApi.ts';
import type { Report } from '../types.ts';
import { AreaNarrative } from './AreaNarrative.tsx';
import { useIndicators } from './useIndicators.ts';

const example = '{{figure:sister-school-pairs}}';

/** The narrative of a draft, area by area, in English and Traditional Chinese (Simplified is made from the Traditional). */
export function NarrativeEditor({ report }: { report: Report }) {
  const { t } = useTranslation();
  const pick = usePick();
  const areas = useQuery({ queryKey: progressKeys.areas, queryFn: progressApi.areas });
  const indicators = useIndicators(report.asOf);
  const reportAreas = (areas.data ?? []).filter((a) => report.areaCodes.includes(a.code));

  return (
    <Stack gap="sm" component="section" aria-labelledby="narrative-heading">
      <Title order={3} size="h4" id="narrative-heading">
        {t('progress.narrative.title')}
      </Title>
      <Text size="sm">
        <Trans i18nKey="progress.narrative.help" values={{ example }} components={{ code: <Code /> }} />
      </Text>
      <Text size="sm" c="dimmed">
        {t('progress.narrative.scripts')}
      </Text>
      <Accordion variant="separated" multiple>
        {reportAreas.map((area) => (
          <Accordion.Item key={area.code} value={area.code}>
            <Accordion.Control>{pick(area.name)}</Accordion.Control>
            <Accordion.Panel>
              <AreaNarrative report={report} area={area} indicators={[...indicators.values()].filter((i) => i.areaCode === area.code)} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
