import { Anchor, Card, Group, SimpleGrid, Stack, Text, TextInput, Title, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { ipApi } from './api.ts';
import { useIpMe, useTitle } from './shared.tsx';

/** The IP module's start page: the public database first, then what the viewer's unit does here. */
export function IpHome() {
  const { t } = useTranslation();
  usePageTitle(t('ip.title'));
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const me = useIpMe();
  const updates = useQuery({ queryKey: ['ip', 'updates'], queryFn: ipApi.updates });
  const title = useTitle();
  const links: [string, string][] = [
    ['/ip/instruments', 'ip.instruments.title'],
    ['/ip/compare', 'ip.compare.title'],
    ['/ip/updates', 'ip.updates.title'],
    ['/ip/authorities', 'ip.authorities.title'],
  ];
  return (
    <Stack gap="lg">
      <Title order={1}>{t('ip.title')}</Title>
      <Text c="dimmed">{t('ip.intro')}</Text>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/ip/instruments?q=${encodeURIComponent(q.trim())}`);
        }}
      >
        <Group align="flex-end">
          <TextInput label={t('ip.instruments.search')} description={t('ip.instruments.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button type="submit">{t('ip.instruments.find')}</Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {links.map(([to, key]) => (
          <Card withBorder key={to}>
            <Anchor component={Link} to={to} fw={600}>
              {t(key)}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t(`${key.replace(/\.title$/, '')}.intro`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {me?.ipUnit && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t('ip.forUnits')}
          </Title>
          <Group mt="xs">
            {me.keeps.length > 0 && (
              <Anchor component={Link} to="/ip/revisions">
                {t('ip.revisions.title')}
              </Anchor>
            )}
            <Anchor component={Link} to="/ip/work-programme">
              {t('ip.programme.title')}
            </Anchor>
            {me.enforcement && (
              <Anchor component={Link} to="/ip/leads">
                {t('ip.leads.title')}
              </Anchor>
            )}
            {me.enforcement && (
              <Anchor component={Link} to="/ip/operations">
                {t('ip.operations.title')}
              </Anchor>
            )}
            {me.enforcement && (
              <Anchor component={Link} to="/ip/analysis">
                {t('ip.analysis.title')}
              </Anchor>
            )}
          </Group>
        </Card>
      )}
      <Title order={2} size="h3">
        {t('ip.updates.latest')}
      </Title>
      {updates.isPending && <Loading />}
      <ErrorNotice error={updates.error} />
      {updates.data?.slice(0, 5).map((u) => (
        <Text key={u.id}>
          <Text span c="dimmed">
            {u.on}
          </Text>{' '}
          {u.instrumentCode ? (
            <Anchor component={Link} to={`/ip/instruments/${u.instrumentCode}`}>
              {title(u.title)}
            </Anchor>
          ) : (
            title(u.title)
          )}
        </Text>
      ))}
    </Stack>
  );
}
