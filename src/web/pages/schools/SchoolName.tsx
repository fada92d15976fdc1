import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../lib/localized.ts';
import { Tag } from '../../components/Tag.tsx';

type Named = { name: { 'zh-Hant': string; 'zh-Hans': string; en: string; asWritten: string }; isSample: boolean };

/** A school's name in the reader's script (English readers: English, then the name as written), marked when it is sample data. */
export function SchoolName({ school, withSample = true }: { school: Named; withSample?: boolean }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span>{pick(school.name)}</Text>
      {withSample && school.isSample && <Tag color="orange">{t('schools.sample')}</Tag>}
    </Group>
  );
}

export function SampleBadge({ show }: { show: boolean }) {
  const { t } = useTranslation();
  return show ? <Tag color="orange">{t('schools.sample')}</Tag> : null;
}
