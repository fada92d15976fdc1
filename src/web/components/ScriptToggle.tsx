import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Script } from '../../shared/script.ts';

/**
 * Switches the Chinese text between Traditional and Simplified, and says which is authoritative:
 * the script the author wrote in; the other is converted by machine.
 */
export function ScriptToggle({ value, onChange, authoritative }: { value: Script; onChange: (script: Script) => void; authoritative: Script }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="center">
      <div role="group" aria-label={t('notifications.script.toggle')}>
        <SegmentedControl
          size="xs"
          value={value}
          onChange={(v) => onChange(v as Script)}
          data={(['zh-Hant', 'zh-Hans'] as const).map((s) => ({ value: s, label: t(`notifications.script.short.${s}`) }))}
        />
      </div>
      <Text size="sm" c="dimmed">
        {value === authoritative
          ? t('notifications.script.asWritten', { script: t(`notifications.script.name.${authoritative}`) })
          : t('notifications.script.converted', { script: t(`notifications.script.name.${authoritative}`) })}
      </Text>
    </Group>
  );
}
