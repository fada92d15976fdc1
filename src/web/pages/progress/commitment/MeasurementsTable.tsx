import { Anchor, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { Indicator, Measurement } from '../types.ts';
import { useFigures } from '../shared/figures.ts';

type Source = { document?: string | null; paragraph?: number | null; quote?: string | null; record?: string | null };

function SourceCell({ source }: { source: Source }) {
  const { t } = useTranslation();
  if (source.record) {
    return (
      <Anchor component={Link} to={source.record} size="sm">
        {t('progress.measurements.liaisonRecords')}
      </Anchor>
    );
  }
  const paragraph = source.paragraph ? t('progress.commitment.paragraph', { n: source.paragraph }) : null;
  const where = source.document && paragraph ? t('progress.measurements.where', { document: source.document, paragraph }) : (source.document ?? paragraph);
  return (
    <>
      {where && <Text size="sm">{where}</Text>}
      {source.quote && (
        <Text size="sm" c="dimmed" fs="italic">
          {t('progress.measurements.quote', { quote: source.quote })}
        </Text>
      )}
    </>
  );
}

/** Every figure recorded up to the day shown, with where it comes from; the owning unit may correct one. */
export function MeasurementsTable({ indicator, asOf, onCorrect }: { indicator: Indicator; asOf: string; onCorrect?: (m: Measurement) => void }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const { figure, when } = useFigures();
  if (!indicator.measurements.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('progress.measurements.none', { date: formatDate(asOf, locale) })}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped captionSide="top">
        <Table.Caption>{t('progress.measurements.caption', { name: pick(indicator.name), date: formatDate(asOf, locale) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('progress.measurements.value')}</Table.Th>
            <Table.Th>{t('progress.measurements.when')}</Table.Th>
            <Table.Th>{t('progress.measurements.qualifier')}</Table.Th>
            <Table.Th>{t('progress.measurements.source')}</Table.Th>
            <Table.Th>{t('progress.measurements.entered')}</Table.Th>
            {onCorrect && <Table.Th>{t('progress.measurements.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicator.measurements.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{figure(m.value, m.qualifier, indicator.unit)}</Table.Td>
              <Table.Td>{when(m)}</Table.Td>
              <Table.Td>{t(`progress.qualifierName.${m.qualifier}`, { defaultValue: m.qualifier })}</Table.Td>
              <Table.Td>
                <SourceCell source={m.source as Source} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.enteredBy}</Text>
                <Text size="xs" c="dimmed">
                  {formatDate(m.enteredAt.length > 10 ? m.enteredAt.slice(0, 10) : m.enteredAt, locale)}
                </Text>
              </Table.Td>
              {onCorrect && (
                <Table.Td>
                  <Button size="xs" variant="default" onClick={() => onCorrect(m)} aria-label={t('progress.correct.openFor', { figure: figure(m.value, m.qualifier, indicator.unit), when: when(m) })}>
                    {t('progress.correct.open')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
