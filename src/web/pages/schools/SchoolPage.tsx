import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { usePick } from '../../lib/localized.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { Tag } from '../../components/Tag.tsx';
import { schoolsApi } from './api.ts';
import { Matches } from './Matches.tsx';
import { GrantCard } from './GrantCard.tsx';
import { AppointCoordinator } from './AppointCoordinator.tsx';
import { schoolYearOf } from './AnnualDocuments.tsx';
import { dayInput } from '../../lib/dates.ts';
import { SchoolName } from './SchoolName.tsx';
import { useSchoolRole } from './useSchoolRole.ts';

/** A school: its profile, its contacts where the reader may see them, and for its own people the suggested sisters. */
export function SchoolPage() {
  const { t } = useTranslation();
  const pick = usePick();
  const { id = '' } = useParams();
  const { role } = useSchoolRole();
  const school = useQuery({ queryKey: ['schools', 'school', id], queryFn: () => schoolsApi.get(id) });
  usePageTitle(school.data ? pick(school.data.name) : t('schools.title'));
  if (school.isPending) return <Loading />;
  if (school.error) return <ErrorNotice error={school.error} />;
  const s = school.data;
  const own = role?.schoolId === s.id || (role?.authority && role.side === s.side);
  return (
    <Stack gap="md">
      <Title order={1}>
        <SchoolName school={s} />
      </Title>
      <Text c="dimmed">
        {s.name.asWritten} · {s.name.en} · {s.code}
      </Text>
      <Group gap="xs">
        <Tag>{t(`schools.sides.${s.side}`)}</Tag>
        <Tag color="blue">{t(`schools.levels.${s.level}`)}</Tag>
        <Tag color="grape">{t(`schools.sectors.${s.sector}`)}</Tag>
        <Tag color="teal">{s.district}</Tag>
        {s.features.map((f) => (
          <Tag key={f} color="cyan">
            {f}
          </Tag>
        ))}
      </Group>
      <Text>{t('schools.school.sisters', { n: s.sisters })}</Text>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('schools.school.contact')}
        </Title>
        {s.contact ? (
          <Stack gap={2}>
            <Text>{s.contact.name}</Text>
            <Text>{s.contact.email}</Text>
            <Text>{s.contact.phone}</Text>
            <Text>{s.contact.address}</Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('schools.school.contactHidden')}</Text>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          {t('schools.school.preferences')}
        </Title>
        <Text size="sm">
          {[...s.preferences.levels.map((l) => t(`schools.levels.${l}`)), ...s.preferences.districts, ...s.preferences.themes].join(' · ') || '—'}
        </Text>
      </Card>
      {own && s.side === 'HK' && <GrantCard school={s} year={schoolYearOf(dayInput(new Date()))} canReport={role?.schoolId === s.id} />}
      {role?.authority && role.side === s.side && <AppointCoordinator schoolId={s.id} />}
      {own && <Matches school={s} />}
    </Stack>
  );
}
