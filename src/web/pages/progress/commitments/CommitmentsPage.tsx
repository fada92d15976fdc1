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

/** The co-operation areas of the Joint Conference with their commitments and figures, as at a chosen day. */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  usePageTitle(t('progress.commitments.title'));
  const [asOf, setAsOf] = useAsOf();
  const areas = useQuery({ queryKey: progressKeys.areas, queryFn: progressApi.areas });
  const commitments = useQuery({ queryKey: progressKeys.commitments(asOf), queryFn: () => progressApi.commitments(asOf), placeholderData: keepPreviousData });
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
      {(areas.isPending || commitments.isPending) && <Loading />}
      <ErrorNotice error={areas.error ?? commitments.error} />
      {areas.data &&
        commitments.data &&
        areas.data.map((area) => <AreaSection key={area.code} area={area} commitments={commitments.data.filter((c) => c.area.code === area.code)} asOf={asOf} />)}
    </Stack>
  );
}
