import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { schoolsApi, type School } from './api.ts';
import { SchoolName } from './SchoolName.tsx';

/** Suggested sister schools, best first, each with why it suits, and a proposal in one step. */
export function Matches({ school }: { school: School }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const matches = useQuery({ queryKey: ['schools', 'matches', school.id], queryFn: () => schoolsApi.matches(school.id) });
  const propose = useMutation({
    mutationFn: (other: School) => schoolsApi.propose(school.side === 'HK' ? { hkSchoolId: school.id, gdSchoolId: other.id } : { hkSchoolId: other.id, gdSchoolId: school.id }),
    onSuccess: (pair) => navigate(`/schools/pairs/${pair.id}`),
  });
  const reason = (r: string) => (r.startsWith('theme:') ? t('schools.reasons.theme', { theme: r.slice(6) }) : t(`schools.reasons.${r}`));
  return (
    <Stack gap="sm">
      <Title order={2}>{t('schools.matches.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('schools.matches.intro')}
      </Text>
      {matches.isPending && <Loading />}
      <ErrorNotice error={matches.error ?? propose.error} />
      {matches.data && !matches.data.length && <Text c="dimmed">{t('schools.matches.none')}</Text>}
      {matches.data?.map((m) => (
        <Card key={m.school.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start">
            <Stack gap={4}>
              <Text fw={600} component="div">
                <SchoolName school={m.school} />
              </Text>
              <Text size="sm" c="dimmed">
                {t(`schools.levels.${m.school.level}`)} · {m.school.district}
              </Text>
              <Group gap={4}>
                {m.reasons.map((r) => (
                  <Tag key={r} color="teal">
                    {reason(r)}
                  </Tag>
                ))}
              </Group>
            </Stack>
            <Button size="xs" loading={propose.isPending && propose.variables?.id === m.school.id} onClick={() => propose.mutate(m.school)}>
              {t('schools.matches.propose')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
