import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { formatDate, useLocale, usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';

/** The agreements registry (M2): public, no log-in needed. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const locale = useLocale();
  usePageTitle(t('agreements.title'));
  const agreements = useQuery({ queryKey: ['agreements'], queryFn: api.agreements });

  return (
    <Stack gap="md">
      <Title order={1}>{t('agreements.title')}</Title>
      <Text c="dimmed">{t('agreements.intro')}</Text>
      {agreements.isPending && <Loading />}
      <ErrorNotice error={agreements.error} />
      {agreements.data?.map((a) => (
        <Card withBorder key={a.code} component="article" aria-labelledby={`agreement-${a.code}`}>
          <Title order={2} size="h4" id={`agreement-${a.code}`}>
            <Anchor component={Link} to={`/agreements/${a.code}`}>
              {pick(a.title)}
            </Anchor>
          </Title>
          <Group gap="xs" mt="xs">
            {a.parties.map((p) => (
              <Badge key={p.code} variant="light" color="gray">
                {pick(p.name)}
              </Badge>
            ))}
          </Group>
          <Text size="sm" mt="xs">
            {t('agreements.signedOn', { date: formatDate(a.signedOn, locale) })}
            {a.signedAt && ` · ${t('agreements.signedAt', { place: pick(a.signedAt) })}`}
            {' · '}
            {t('agreements.clauses', { n: a.clauseCount })}
          </Text>
          {a.validity && (
            <Text size="sm" c="dimmed">
              {t('agreements.validity', { text: pick(a.validity.text) })}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}
