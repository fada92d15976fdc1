import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import type { Plenary } from '../types.ts';
import { StatusBadge } from '../shared/StatusBadge.tsx';

/** One plenary: when and where, the agreements signed, and each decision with the commitment it gave rise to. */
export function PlenaryCard({ plenary: p }: { plenary: Plenary }) {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  const headingId = `plenary-${p.code}-heading`;
  return (
    <Card withBorder component="article" id={`plenary-${p.code}`} aria-labelledby={headingId} style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 60px) + 1rem)' }}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            {pick(p.name)}
          </Title>
          <Text size="sm" c="dimmed">
            {p.place ? t('progress.plenaries.heldAt', { date: formatDate(p.heldOn, locale), place: pick(p.place) }) : formatDate(p.heldOn, locale)}
          </Text>
        </div>
        <section aria-labelledby={`${headingId}-agreements`}>
          <Title order={4} size="h5" id={`${headingId}-agreements`} mb={4}>
            {t('progress.plenaries.agreements', { n: p.agreements.length })}
          </Title>
          <List size="sm" spacing={2}>
            {p.agreements.map((a) => (
              <List.Item key={a.code}>
                <Anchor component={Link} to={`/agreements/${a.code}`} size="sm">
                  {pick(a.title)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
        {p.pressRelease && (
          <section aria-labelledby={`${headingId}-press`}>
            <Title order={4} size="h5" id={`${headingId}-press`} mb={4}>
              {t('progress.plenaries.pressRelease')}
            </Title>
            <Text size="sm">{t('progress.plenaries.pressReleaseIssued', { date: formatDate(p.pressRelease.issuedOn, locale), about: pick(p.pressRelease.about) })}</Text>
            <Text size="xs" c="dimmed">
              {t('progress.plenaries.pressReleaseSource', { paragraph: p.pressRelease.source.paragraph })} <q lang="en">{p.pressRelease.source.quote}</q>
            </Text>
          </section>
        )}
        <section aria-labelledby={`${headingId}-decisions`}>
          <Title order={4} size="h5" id={`${headingId}-decisions`} mb={4}>
            {t('progress.plenaries.decisions', { n: p.decisions.length })}
          </Title>
          <List size="sm" spacing="xs">
            {p.decisions.map((d, i) => (
              <List.Item key={i}>
                <Text size="sm">{pick(d.text)}</Text>
                <Group gap="xs">
                  <Anchor component={Link} to={`/progress/commitments/${d.commitment.id}`} size="sm">
                    {pick(d.commitment.title)}
                  </Anchor>
                  <StatusBadge kind="commitment" status={d.commitment.status} />
                </Group>
              </List.Item>
            ))}
          </List>
        </section>
      </Stack>
    </Card>
  );
}
