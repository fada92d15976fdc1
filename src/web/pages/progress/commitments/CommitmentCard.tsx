import { Anchor, Card, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import type { Commitment } from '../types.ts';
import { asOfSearch } from '../shared/asOf.ts';
import { CommitmentFacts } from '../shared/CommitmentFacts.tsx';
import { IndicatorSummary } from '../shared/IndicatorSummary.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';

/** A commitment in the list: its status, who keeps it, where it is written, and its figures against their targets. */
export function CommitmentCard({ commitment: c, asOf }: { commitment: Commitment; asOf: string }) {
  const pick = usePick();
  const headingId = `commitment-${c.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId} padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="start" gap="xs" wrap="nowrap">
          <Title order={4} size="h5" id={headingId}>
            <Anchor component={Link} to={`/progress/commitments/${c.id}${asOfSearch(asOf)}`} inherit>
              {pick(c.title)}
            </Anchor>
          </Title>
          <StatusBadge kind="commitment" status={c.status} />
        </Group>
        <CommitmentFacts commitment={c} />
        {c.indicators.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="xs">
            {c.indicators.map((i) => (
              <IndicatorSummary key={i.id} indicator={i} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
