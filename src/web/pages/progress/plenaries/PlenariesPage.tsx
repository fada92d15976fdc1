import { useQuery } from '@tanstack/react-query';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../../components/status.tsx';
import { progressApi, progressKeys } from '../progressApi.ts';
import { useScrollToHash } from '../shared/useScrollToHash.ts';
import { PlenaryCard } from './PlenaryCard.tsx';

/** The plenaries of the Joint Conference: the agreements signed at each and the decisions taken. */
export function PlenariesPage() {
  const { t } = useTranslation();
  usePageTitle(t('progress.plenaries.title'));
  const plenaries = useQuery({ queryKey: progressKeys.plenaries, queryFn: progressApi.plenaries });
  useScrollToHash(!!plenaries.data);
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3">
          {t('progress.plenaries.title')}
        </Title>
        <Text c="dimmed">{t('progress.plenaries.intro')}</Text>
      </div>
      {plenaries.isPending && <Loading />}
      <ErrorNotice error={plenaries.error} />
      {plenaries.data?.map((p) => <PlenaryCard key={p.code} plenary={p} />)}
      {plenaries.data?.length === 0 && <Text c="dimmed">{t('progress.plenaries.none')}</Text>}
    </Stack>
  );
}
