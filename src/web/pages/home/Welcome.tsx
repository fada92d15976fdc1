import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { usePick } from '../../lib/localized.ts';

/** What a visitor sees: what Liaison is, the agreements (public), and the way in. */
export function Welcome() {
  const { t } = useTranslation();
  const pick = usePick();
  const agreements = useQuery({ queryKey: ['agreements'], queryFn: api.agreements });
  return (
    <Stack gap="lg" maw={760}>
      <Title order={1}>{t('home.welcomeTitle')}</Title>
      <Text size="lg">{t('home.intro')}</Text>
      <Text>{t('home.introPublic')}</Text>
      <Group>
        <Button component={Link} to="/agreements">
          {t('home.readAgreements')}
        </Button>
        <Button component={Link} to="/login" variant="default">
          {t('nav.logIn')}
        </Button>
      </Group>
      {agreements.data && (
        <section aria-labelledby="home-agreements">
          <Title order={2} size="h3" id="home-agreements" mb="sm">
            {t('home.agreementsHeading')}
          </Title>
          <List spacing="xs">
            {agreements.data.map((a) => (
              <List.Item key={a.code}>
                <Anchor component={Link} to={`/agreements/${a.code}`}>
                  {pick(a.title)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}
