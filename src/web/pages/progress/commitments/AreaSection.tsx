import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePick } from '../../../lib/localized.ts';
import type { Area, Commitment } from '../types.ts';
import { CommitmentCard } from './CommitmentCard.tsx';

/** One co-operation area: the paragraphs of the paper it covers and its commitments. */
export function AreaSection({ area, commitments, asOf }: { area: Area; commitments: Commitment[]; asOf: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const headingId = `area-${area.code}-heading`;
  return (
    <section id={`area-${area.code}`} aria-labelledby={headingId} style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + 1rem)' }}>
      <Title order={3} size="h4" id={headingId}>
        {pick(area.name)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('progress.area.paragraphs', { list: area.paragraphs.join(t('progress.listSeparator')), n: commitments.length })}
      </Text>
      <Stack gap="sm">
        {commitments.map((c) => (
          <CommitmentCard key={c.id} commitment={c} asOf={asOf} />
        ))}
        {!commitments.length && (
          <Text size="sm" c="dimmed">
            {t('progress.area.none')}
          </Text>
        )}
      </Stack>
    </section>
  );
}
