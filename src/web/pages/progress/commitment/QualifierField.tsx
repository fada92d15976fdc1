import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { qualifiers, type Qualifier } from '../types.ts';

/** How the source words the figure: exactly "291", "over 530", "some 80". */
export function QualifierField({ value, onChange, error }: { value: Qualifier; onChange: (q: Qualifier) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={t('progress.record.qualifier')} value={value} onChange={(v) => onChange(v as Qualifier)} error={error}>
      <Group mt={4} gap="md">
        {qualifiers.map((q) => (
          <Radio key={q} value={q} label={t(`progress.qualifierChoice.${q}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
