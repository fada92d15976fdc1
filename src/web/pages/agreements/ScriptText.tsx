import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BothScripts } from '../../types.ts';
import { paragraphs, scriptLang, type ScriptView } from './script.ts';

function Paragraphs({ text, script }: { text: string; script: keyof BothScripts }) {
  return (
    <div lang={scriptLang[script]}>
      {paragraphs(text).map((p, i) => (
        <Text key={i} className="agreement-text" mb={4}>
          {p}
        </Text>
      ))}
    </div>
  );
}

/** A passage of an agreement in the chosen script, or in both: two columns on wide screens, stacked on phones. */
export function ScriptText({ text, view }: { text: BothScripts; view: ScriptView }) {
  const { t } = useTranslation();
  if (view === 'hant') return <Paragraphs text={text['zh-Hant']} script="zh-Hant" />;
  if (view === 'hans') return <Paragraphs text={text['zh-Hans']} script="zh-Hans" />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="xs">
      {(['zh-Hant', 'zh-Hans'] as const).map((script) => (
        <div key={script}>
          {/* On a phone the two scripts are stacked, so each says which it is; wide screens have column headings. */}
          <Text size="xs" c="dimmed" fw={600} hiddenFrom="md">
            {script === 'zh-Hant' ? t('agreement.scriptHant') : t('agreement.scriptHans')}
          </Text>
          <Paragraphs text={text[script]} script={script} />
        </div>
      ))}
    </SimpleGrid>
  );
}

/** Column headings for the side-by-side view on wide screens. */
export function ScriptColumnsHeading() {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={2} spacing="lg" visibleFrom="md" mb="xs" aria-hidden="true">
      <Text size="sm" fw={700} c="dimmed">
        {t('agreement.scriptHant')}
      </Text>
      <Text size="sm" fw={700} c="dimmed">
        {t('agreement.scriptHans')}
      </Text>
    </SimpleGrid>
  );
}
