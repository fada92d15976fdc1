import { useQuery } from '@tanstack/react-query';
import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { useMe } from '../../../session.ts';
import { progressApi, progressKeys } from '../progressApi.ts';
import { access } from '../shared/access.ts';
import { asOfSearch, useAsOf } from '../shared/asOf.ts';
import { AsOfPicker } from '../shared/AsOfPicker.tsx';
import { CommitmentFacts } from '../shared/CommitmentFacts.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { ChangeStatusForm } from './ChangeStatusForm.tsx';
import { Decisions } from './Decisions.tsx';
import { IndicatorDetail } from './IndicatorDetail.tsx';
import { StatusTimeline } from './StatusTimeline.tsx';

/** One commitment: what was promised, its status and history, and its figures against the targets. */
export function CommitmentPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { me } = useMe();
  const { id = '' } = useParams();
  const [asOf, setAsOf] = useAsOf();
  const commitment = useQuery({
    queryKey: progressKeys.commitment(id, asOf),
    queryFn: () => progressApi.commitment(id, asOf),
    // While another day loads, keep showing this commitment (but never another one).
    placeholderData: (previous) => (previous?.id === id ? previous : undefined),
  });
  usePageTitle(commitment.data ? pick(commitment.data.title) : t('progress.commitments.title'));

  if (commitment.isPending) return <Loading />;
  if (commitment.error) return <ErrorNotice error={commitment.error} />;
  const c = commitment.data;
  const keeps = access.keeps(me, c.ownerUnit?.id);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={`/progress${asOfSearch(asOf)}#area-${c.area.code}`} size="sm">
          {t('progress.commitment.back', { area: pick(c.area.name) })}
        </Anchor>
        <Group align="start" justify="space-between" gap="xs" mt="xs">
          <Title order={2} size="h3">
            {pick(c.title)}
          </Title>
          <StatusBadge kind="commitment" status={c.status} />
        </Group>
        <CommitmentFacts commitment={c} />
      </div>
      <Text>{pick(c.description)}</Text>
      {c.statusReason && (
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('progress.commitment.statusReason')}
          </Text>{' '}
          {pick(c.statusReason)}
        </Text>
      )}
      {!keeps && (
        <Text size="sm" c="dimmed">
          {t('progress.commitment.keptBy', { owner: c.ownerUnit ? pick(c.ownerUnit.name) : c.ownerBody ? pick(c.ownerBody) : t('progress.commitment.noOwner') })}
        </Text>
      )}
      <AsOfPicker value={asOf} onChange={setAsOf} />
      {c.indicators.map((indicator) => (
        <IndicatorDetail key={indicator.id} indicator={indicator} keeps={keeps} asOf={asOf} onRecorded={setAsOf} />
      ))}
      {!c.indicators.length && (
        <Text size="sm" c="dimmed">
          {t('progress.commitment.noIndicators')}
        </Text>
      )}
      <Decisions decisions={c.decisions} />
      <StatusTimeline timeline={c.timeline} statusReason={c.statusReason} />
      {keeps && (
        <Card withBorder>
          <ChangeStatusForm commitment={c} />
        </Card>
      )}
    </Stack>
  );
}
