import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { UnitContacts } from '../../components/UnitContacts.tsx';
import { canAdminister } from '../../session.ts';
import type { Me, UnitDetail } from '../../types.ts';
import { WhatNeedsYou } from './WhatNeedsYou.tsx';
import { useInReaderScript } from '../../lib/useInReaderScript.ts';

/** A signed-in officer's starting point: their unit, its agreements, and whom they deal with under each. */
export function MyUnit({ me }: { me: Me }) {
  const { t } = useTranslation();
  const pick = usePick();
  const inScript = useInReaderScript([me.displayName]);
  const unit = useQuery({ queryKey: ['unit', me.unit?.id], queryFn: () => api.unit(me.unit!.id), enabled: !!me.unit });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('home.greeting', { name: inScript(me.displayName) })}</Title>
        {me.unit && <Text c="dimmed">{pick(me.unit.name)}</Text>}
      </div>
      <WhatNeedsYou hasUnit={!!me.unit} />
      {!me.unit && <NoUnit admin={canAdminister(me)} />}
      {unit.isPending && me.unit && <Loading />}
      <ErrorNotice error={unit.error} />
      {unit.data && <UnitOverview unit={unit.data} />}
    </Stack>
  );
}

function NoUnit({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Text>{t('home.noUnit')}</Text>
      <Group mt="sm">
        {admin && (
          <Anchor component={Link} to="/admin">
            {t('nav.admin')}
          </Anchor>
        )}
        <Anchor component={Link} to="/directory">
          {t('nav.directory')}
        </Anchor>
        <Anchor component={Link} to="/agreements">
          {t('nav.agreements')}
        </Anchor>
      </Group>
    </Card>
  );
}

function UnitOverview({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const pick = usePick();
  return (
    <>
      <Card withBorder component="section" aria-labelledby="my-unit">
        <Title order={2} size="h3" id="my-unit">
          {t('home.myUnit')}
        </Title>
        <Group gap="xs" mt={4} mb="sm">
          <Anchor component={Link} to={`/directory/units/${unit.id}`} fw={600}>
            {pick(unit.name)}
          </Anchor>
          <Badge variant="light" color="gray">
            {pick(unit.party.name)}
          </Badge>
        </Group>
        <UnitContacts unit={unit} />
      </Card>
      <section aria-labelledby="my-agreements">
        <Title order={2} size="h3" id="my-agreements" mb="sm">
          {t('home.myAgreements')}
        </Title>
        {!unit.agreements.length && <Text c="dimmed">{t('home.noAgreements')}</Text>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {unit.agreements.map((a) => {
            const partners = unit.partners.filter((p) => p.agreementCodes.includes(a.code));
            return (
              <Card withBorder key={`${a.code}-${a.role}`} component="article">
                <Title order={3} size="h5">
                  <Anchor component={Link} to={`/agreements/${a.code}${a.clauseKey ? `#clause-${a.clauseKey}` : ''}`}>
                    {pick(a.title)}
                  </Anchor>
                </Title>
                <Text size="sm" c="dimmed" mt={4}>
                  {t(`unitRoles.${a.role}`, { defaultValue: a.role })}
                </Text>
                <Text size="sm" fw={600} mt="sm">
                  {t('home.partners')}
                </Text>
                {partners.length ? (
                  <List size="sm" spacing={4}>
                    {partners.map((p) => (
                      <List.Item key={p.id}>
                        <Anchor component={Link} to={`/directory/units/${p.id}`}>
                          {pick(p.name)}
                        </Anchor>
                        {p.dutyPhone && <Text span size="sm" c="dimmed">{` · ${t('directory.dutyPhone')} ${p.dutyPhone}`}</Text>}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('home.noPartners')}
                  </Text>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      </section>
    </>
  );
}
