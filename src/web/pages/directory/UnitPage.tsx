import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { UnitContacts } from '../../components/UnitContacts.tsx';
import { isUnitAdmin, useMe } from '../../session.ts';
import { OfficersTable } from './OfficersTable.tsx';

/** One liaison unit's directory entry: how to reach it, which agreements name it, and its partners across the boundary. */
export function UnitPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { id = '' } = useParams();
  const { me } = useMe();
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => api.unit(id) });
  usePageTitle(unit.data ? pick(unit.data.name) : t('directory.title'));

  if (unit.isPending) return <Loading />;
  if (unit.error) return <ErrorNotice error={unit.error} />;
  const u = unit.data;
  const mayEdit = !!me && (me.isPlatformAdmin || (isUnitAdmin(me) && me.unit?.id === u.id));

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/directory" size="sm">
          {t('directory.back')}
        </Anchor>
        <Group justify="space-between" align="start" mt="xs">
          <div>
            <Title order={1}>{pick(u.name)}</Title>
            <Group gap="xs" mt={4}>
              <Badge variant="light" color="gray">
                {pick(u.party.name)}
              </Badge>
              {u.abbreviation && <Badge variant="outline" color="gray">{u.abbreviation}</Badge>}
              {!u.active && <Badge color="red">{t('directory.inactive')}</Badge>}
            </Group>
          </div>
          {mayEdit && (
            <Button component={Link} to={`/admin/units/${u.id}`} variant="default">
              {t('directory.editUnit')}
            </Button>
          )}
        </Group>
      </div>
      <Card withBorder component="section" aria-labelledby="unit-contacts">
        <Title order={2} size="h4" id="unit-contacts" mb="xs">
          {t('directory.contacts')}
        </Title>
        <UnitContacts unit={u} />
      </Card>
      <section aria-labelledby="unit-agreements">
        <Title order={2} size="h4" id="unit-agreements" mb="xs">
          {t('directory.agreements')}
        </Title>
        {u.agreements.length ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {u.agreements.map((a) => (
              <Card withBorder key={`${a.code}-${a.role}`}>
                <Anchor component={Link} to={`/agreements/${a.code}${a.clauseKey ? `#clause-${a.clauseKey}` : ''}`} fw={600}>
                  {pick(a.title)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t(`unitRoles.${a.role}`, { defaultValue: a.role })}
                </Text>
                <Text size="sm" fw={600} mt="xs">
                  {t('home.partners')}
                </Text>
                <List size="sm">
                  {u.partners
                    .filter((p) => p.agreementCodes.includes(a.code))
                    .map((p) => (
                      <List.Item key={p.id}>
                        <Anchor component={Link} to={`/directory/units/${p.id}`} size="sm">
                          {pick(p.name)}
                        </Anchor>
                      </List.Item>
                    ))}
                </List>
              </Card>
            ))}
          </SimpleGrid>
        ) : (
          <Text c="dimmed">{t('home.noAgreements')}</Text>
        )}
      </section>
      {u.dutyContacts.length > 0 && (
        <section aria-labelledby="unit-duty-contacts">
          <Title order={2} size="h4" id="unit-duty-contacts" mb="xs">
            {t('directory.dutyContacts.title')}
          </Title>
          <List spacing="xs">
            {u.dutyContacts.map((c) => (
              <List.Item key={`${c.agreementCode}`} data-testid="duty-contact">
                <Text>
                  {pick(c.post)}: {pick(c.name)}, {c.phone}{' '}
                  {c.sample && (
                    <Badge color="orange" variant="light" title={t('directory.dutyContacts.sampleHint')}>
                      {t('directory.dutyContacts.sample')}
                    </Badge>
                  )}
                </Text>
                {c.sample && (
                  <Text size="xs" c="dimmed">
                    {t('directory.dutyContacts.sampleHint')}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="unit-officers">
        <Title order={2} size="h4" id="unit-officers" mb="xs">
          {t('directory.officers')}
        </Title>
        <OfficersTable officers={u.officers} />
      </section>
    </Stack>
  );
}
