import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../lib/localized.ts';
import { Tag } from '../../components/Tag.tsx';

type Named = { name: { 'zh-Hant': string; 'zh-Hans': string; en: string; asWritten: string }; isSample: boolean };

/** A ship's or company's name in the reader's script, marked when it is made-up sample data. */
export function ShipName({ named }: { named: Named }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span>{pick(named.name)}</Text>
      {named.isSample && <Tag color="orange">{t('sar-plans.sample')}</Tag>}
    </Group>
  );
}
