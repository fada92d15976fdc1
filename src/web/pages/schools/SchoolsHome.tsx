import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Loading } from '../../components/status.tsx';
import { schoolsApi } from './api.ts';
import { Matches } from './Matches.tsx';
import { PairsTable } from './PairsTable.tsx';
import { SchoolName } from './SchoolName.tsx';
import { useSchoolRole } from './useSchoolRole.ts';

/** The scheme's start page: a coordinator's school, pairs and suggested sisters; an authority's registry and pairs. */
export function SchoolsHome() {
  const { t } = useTranslation();
  usePageTitle(t('schools.title'));
  const { role, loading } = useSchoolRole();
  const school = useQuery({ queryKey: ['schools', 'school', role?.schoolId], queryFn: () => schoolsApi.get(role!.schoolId!), enabled: !!role?.schoolId });
  if (loading) return <Loading />;
  if (!role) return <Alert color="gray">{t('schools.notInScheme')}</Alert>;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('schools.title')}</Title>
      <Text c="dimmed">{t('schools.intro')}</Text>
      {role.school && (
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {t('schools.mySchool')}
          </Text>
          <Anchor component={Link} to={`/schools/registry/${role.school.id}`} fw={600}>
            <SchoolName school={role.school} />
          </Anchor>
        </Card>
      )}
      {role.authority && (
        <Group>
          <Button component={Link} to="/schools/registry" variant="light">
            {t('schools.registry.title')}
          </Button>
          <Button component={Link} to="/schools/import" variant="light">
            {t('schools.import.title')}
          </Button>
        </Group>
      )}
      <Stack gap="sm">
        <Title order={2}>{t('schools.pairs.title')}</Title>
        <PairsTable />
      </Stack>
      {school.data && <Matches school={school.data} />}
    </Stack>
  );
}
