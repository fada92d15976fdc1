import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../lib/localized.ts';
import { Tag } from '../../components/Tag.tsx';
import { scriptLang } from '../../lib/shownScript.ts';
import type { Script, Verification } from './types.ts';

const outcomeColor: Record<string, string> = { confirmed: 'teal', corrected: 'blue', disputed: 'red', refuted: 'red', partly_true: 'orange' };

/** The other side's answer: its outcome, and its words in the shown script. */
export function VerificationAnswer({ v, script }: { v: Verification; script: Script }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!v.answer) return null;
  return (
    <>
      <Group gap="xs" mb="xs">
        {v.outcome && <Tag color={outcomeColor[v.outcome]}>{t(`verification.outcome.${v.outcome}`)}</Tag>}
        <Text size="sm" c="dimmed">
          {[v.answeredBy, formatDate(v.answeredAt, locale)].filter(Boolean).join(' · ')}
        </Text>
      </Group>
      <Text lang={scriptLang[script]} style={{ whiteSpace: 'pre-wrap' }}>
        {v.answer[script]}
      </Text>
    </>
  );
}
