import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale } from '../../lib/localized.ts';
import type { Verification } from './types.ts';

/** Dark shades, so that white text on them stays readable (WCAG AA). */
const backgrounds = { cleared: 'teal-9', blocked: 'red-9', pending: 'blue-9', expired: 'gray-8' } as const;
const icons = { cleared: '✓', blocked: '✕', pending: '…', expired: '!' } as const;

/**
 * Clause 4: before announcing to the media, the facts are verified with the other side. The
 * release is cleared once they confirmed or corrected them, blocked if they dispute them. The
 * side asked reads the same gate from where it stands: its answer is what the release waits for.
 */
export function ReleaseGate({ v, asked }: { v: Verification; asked: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!v.releaseGate) return null;
  const gate = v.releaseGate;
  return (
    <Alert
      variant="filled"
      radius="md"
      role="status"
      data-gate={gate}
      icon={<span aria-hidden="true" style={{ fontSize: 22, fontWeight: 700 }}>{icons[gate]}</span>}
      title={<Text fz="xl" fw={700} c="inherit">{t(`verification.${asked ? 'gateAsked' : 'gate'}.${gate}`)}</Text>}
      styles={{ root: { backgroundColor: `var(--mantine-color-${backgrounds[gate]})`, color: 'white' } }}
    >
      <Text c="inherit">{t(`verification.${asked ? 'gateAskedHint' : 'gateHint'}.${gate}`)}</Text>
      {v.plannedReleaseAt && (
        <Text c="inherit" size="sm" mt={4}>
          {t('verification.plannedRelease', { date: formatDate(v.plannedReleaseAt, locale) })}
        </Text>
      )}
    </Alert>
  );
}
