import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The SHA-256 of an issued report's frozen content, as recorded in the audit trail: how a reader checks a copy. */
export function Fingerprint({ hash }: { hash: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('progress.fingerprint.label')}
      </Text>
      <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="fingerprint">
        {hash}
      </Code>
      <Text size="xs" c="dimmed" mt={4}>
        {t('progress.fingerprint.hint')}
      </Text>
    </div>
  );
}
