import { Anchor, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePick } from '../../lib/localized.ts';
import { useInReaderScript } from '../../lib/useInReaderScript.ts';
import { UnitContacts } from '../../components/UnitContacts.tsx';
import type { Directory } from '../../types.ts';

type Party = Directory['parties'][number];

export function PartySection({ party, title }: { party: Party; title: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const headingId = `party-${party.code}`;
  const inScript = useInReaderScript(party.units.flatMap((u) => u.officers.flatMap((o) => [o.displayName, o.title])));
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {party.units.map((unit) => (
          <Card withBorder key={unit.id} component="article" aria-labelledby={`unit-${unit.id}`}>
            <Title order={3} size="h5" id={`unit-${unit.id}`}>
              <Anchor component={Link} to={`/directory/units/${unit.id}`}>
                {pick(unit.name)}
              </Anchor>
            </Title>
            {!unit.active && (
              <Text size="xs" c="red.8">
                {t('directory.inactive')}
              </Text>
            )}
            {unit.hostedElsewhere && (
              <Text size="xs" c="dimmed">
                {unit.hostedElsewhere.node ? t('directory.remoteOn', { node: unit.hostedElsewhere.node }) : t('directory.remoteUnknown')}
              </Text>
            )}
            <div style={{ marginTop: 8 }}>
              <UnitContacts unit={unit} />
            </div>
            <Text size="sm" fw={600} mt="sm">
              {t('directory.officers')}
            </Text>
            {unit.officers.length ? (
              <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
                {unit.officers.map((o) => (
                  <li key={o.id}>
                    <Group gap={6} component="span">
                      <Text span size="sm">
                        {inScript(o.displayName)}
                      </Text>
                      {o.title && (
                        <Text span size="sm" c="dimmed">
                          {inScript(o.title)}
                        </Text>
                      )}
                      {o.phone && (
                        <Anchor size="sm" href={`tel:${o.phone.replace(/\s/g, '')}`}>
                          {o.phone}
                        </Anchor>
                      )}
                    </Group>
                  </li>
                ))}
              </ul>
            ) : (
              <Text size="sm" c="dimmed">
                {t('directory.noOfficers')}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
