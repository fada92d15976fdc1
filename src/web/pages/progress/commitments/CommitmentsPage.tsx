import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, useLocale, usePick } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { useAsOf } from '../shared/asOf.ts';
import { AsOfPicker } from '../shared/AsOfPicker.tsx';
import { useScrollToHash } from '../shared/useScrollToHash.ts';
import { AreaSection } from './AreaSection.tsx';
import { useSearchParams } from 'react-router';
import { ShowingOnly } from '../../../components/ShowingOnly.tsx';

/** The co-operation areas of the Joint Conference with their commitments and figures, as at a chosen day. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  usePageTitle(t('progress.commitments.title'));
  const [asOf, setAsOf] = useAsOf();
  const areas = useQuery({ queryKey: progressKeys.areas, queryFn: progressApi.areas });
  // The home page's counts open this page narrowed to the unit's commitments due or overdue.
  const [params, setParams] = useSearchParams();
  const due = params.get('due');
  const only: { owner?: 'mine'; due?: 'overdue' | 'soon' } = { ...(params.get('owner') === 'mine' ? { owner: 'mine' } : {}), ...(due === 'overdue' || due === 'soon' ? { due } : {}) };
  const narrowed = Object.keys(only).length > 0;
  const commitments = useQuery({ queryKey: [...progressKeys.commitments(asOf), only], queryFn: () => progressApi.commitments(asOf, undefined, only), placeholderData: keepPreviousData });
  useScrollToHash(!!areas.data && !!commitments.data);

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          {t('progress.commitments.title')}
        </Title>
        <Text c="dimmed">{t('progress.commitments.intro')}</Text>
      </div>
      <AsOfPicker value={asOf} onChange={setAsOf} />
      <Text size="sm" role="status">
        {t('progress.commitments.showing', { date: formatDate(asOf, locale) })}
      </Text>
      {areas.data && (
        <nav aria-label={t('progress.commitments.areas')}>
          <Group gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {areas.data.map((area) => (
              <li key={area.code}>
                <Anchor href={`#area-${area.code}`} size="sm">
                  {pick(area.name)}
                </Anchor>
              </li>
            ))}
          </Group>
        </nav>
      )}
      <ShowingOnly
        what={[only.owner && t('work.filters.ownCommitments'), only.due === 'overdue' && t('work.filters.commitmentsOverdue'), only.due === 'soon' && t('work.filters.commitmentsDueSoon')].filter((x): x is string => !!x)}
        onShowAll={() => setParams((p) => { const next = new URLSearchParams(p); next.delete('owner'); next.delete('due'); return next; }, { replace: true })}
      />
      {(areas.isPending || commitments.isPending) && <Loading />}
      <ErrorNotice error={areas.error ?? commitments.error} />
      {areas.data &&
        commitments.data &&
        areas.data
          // Narrowed, only the areas holding such commitments.
          .filter((area) => !narrowed || commitments.data.some((c) => c.area.code === area.code))
          .map((area) => <AreaSection key={area.code} area={area} commitments={commitments.data.filter((c) => c.area.code === area.code)} asOf={asOf} />)}
      {narrowed && commitments.data && !commitments.data.length && <Text c="dimmed">{t('work.filters.noCommitments')}</Text>}
    </Stack>
  );
}
