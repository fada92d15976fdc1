import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { ipApi } from './api.ts';
import { useIpLabels, useTitle } from './shared.tsx';

/** IP administration and enforcement authorities of the three places with their contacts, each citing its source. */
export function AuthoritiesPage() {
  const { t } = useTranslation();
  usePageTitle(t('ip.authorities.title'));
  const authorities = useQuery({ queryKey: ['ip', 'authorities'], queryFn: ipApi.authorities });
  const title = useTitle();
  const label = useIpLabels();
  return (
    <Stack gap="md">
      <Title order={1}>{t('ip.authorities.title')}</Title>
      {authorities.isPending && <Loading />}
      <ErrorNotice error={authorities.error} />
      {authorities.data && !authorities.data.length && <Text c="dimmed">{t('ip.authorities.none')}</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {authorities.data?.map((a) => (
          <Card withBorder key={a.code} id={a.code}>
            <Title order={2} size="h4">
              {title(a.name)}
            </Title>
            <Group gap="xs" my="xs">
              <Tag color="blue">{label.jurisdiction(a.jurisdiction)}</Tag>
              {a.roles.map((r) => (
                <Tag key={r}>{t(`ip.authorities.roles.${r}`)}</Tag>
              ))}
            </Group>
            {a.address && <Text size="sm">{a.address}</Text>}
            {a.phone && <Text size="sm">{t('ip.authorities.phone', { phone: a.phone })}</Text>}
            {a.email && (
              <Text size="sm">
                <Anchor href={`mailto:${a.email}`}>{a.email}</Anchor>
              </Text>
            )}
            <Text size="sm">
              <Anchor href={a.website} target="_blank" rel="noreferrer">
                {a.website}
              </Anchor>
            </Text>
            <Text size="xs" c="dimmed">
              {t('ip.authorities.source')}{' '}
              <Anchor href={a.sourceUrl} target="_blank" rel="noreferrer" size="xs">
                {a.sourceUrl}
              </Anchor>
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
