import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../lib/localized.ts';
import { ScriptToggle } from '../../../components/ScriptToggle.tsx';
import { scriptLang } from '../../../lib/shownScript.ts';
import type { NotificationDetail, Script } from '../lib/types.ts';

/**
 * What clause 1 asks a notification to state, in the shown script (the reader may switch), and
 * the English summary; it is said which script the author wrote in, the authoritative one.
 */
export function NotificationText({ n, script, onScript }: { n: NotificationDetail; script: Script; onScript: (s: Script) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = n.text[script];
  const summary = n.summaryEn && (
    <div>
      <Title order={3} size="h5" mt="sm">
        {t('notifications.field.summaryEn')}
      </Title>
      <Text lang="en" style={{ whiteSpace: 'pre-wrap' }}>
        {n.summaryEn}
      </Text>
    </div>
  );
  return (
    <Stack component="section" aria-labelledby="text-heading" gap="sm">
      <Title order={2} size="h3" id="text-heading">
        {t('notifications.detail.text')}
      </Title>
      {/* English readers read the summary first, then the Chinese text as written. */}
      {locale === 'en' && summary}
      <ScriptToggle value={script} onChange={onScript} authoritative={n.authoritativeScript} />
      <div lang={scriptLang[script]} data-testid="notification-text">
        {(['scope', 'measures', 'attention'] as const).map((key) => (
          <div key={key}>
            <Title order={3} size="h5" mt="sm">
              {t(`notifications.field.${key}`)}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{text[key] || '—'}</Text>
          </div>
        ))}
      </div>
      {locale !== 'en' && summary}
    </Stack>
  );
}
